import { validateMkdocsConfig } from './validateMkdocsConfig';

const repo = '/srv/repos/payments';
const check = (text: string) => validateMkdocsConfig(text, repo);

describe('validateMkdocsConfig', () => {
  it('accepts what real techdocs-core repositories write', () => {
    expect(
      check(`
site_name: Payments
site_description: How payments work
repo_url: https://github.com/acme/payments
edit_uri: edit/main/docs
nav:
  - Home: index.md
  - Runbook: runbook.md
theme:
  name: material
  features: [navigation.tabs]
plugins:
  - techdocs-core
  - search
markdown_extensions:
  - admonition
  - toc:
      permalink: true
  - pymdownx.superfences
  - pymdownx.emoji:
      emoji_index: !!python/name:materialx.emoji.twemoji
      emoji_generator: !!python/object.apply:materialx.emoji.to_svg
  - toc:
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
docs_dir: docs
`),
    ).toEqual([]);
  });

  it('refuses hooks, naming the key', () => {
    expect(check('site_name: x\nhooks:\n  - hooks.py\n')).toEqual([
      "mkdocs.yml: key 'hooks' is not allowed: hooks run arbitrary Python code during the build. Remove it.",
    ]);
  });

  it('refuses docs_dir and site_dir outside the repository', () => {
    expect(check('site_name: x\ndocs_dir: ../../etc\n')).toEqual([
      "mkdocs.yml: key 'docs_dir' must be a relative folder inside the repository; '../../etc' points outside it.",
    ]);
    expect(check('site_name: x\nsite_dir: /var/www\n')).toEqual([
      "mkdocs.yml: key 'site_dir' must be a relative folder inside the repository; '/var/www' points outside it.",
    ]);
    expect(check('site_name: x\ndocs_dir: ./docs/../docs\n')).toEqual([]);
  });

  it('refuses an unknown plugin, saying which are available', () => {
    expect(
      check(
        'site_name: x\nplugins:\n  - techdocs-core\n  - mkdocs-exec-plugin:\n      cmd: id\n',
      ),
    ).toEqual([
      "mkdocs.yml: plugin 'mkdocs-exec-plugin' is not available in the portal's docs build (available: techdocs-core, search). Remove it from plugins.",
    ]);
  });

  it('refuses unknown themes, custom templates and scripts', () => {
    expect(
      check(
        'site_name: x\ntheme:\n  name: readthedocs\n  custom_dir: overrides\nextra_javascript: [evil.js]\n',
      ),
    ).toEqual([
      "mkdocs.yml: key 'extra_javascript' is not allowed: scripts are not allowed in rendered docs. Remove it.",
      "mkdocs.yml: theme 'readthedocs' is not available; use 'material' (or leave theme out).",
      "mkdocs.yml: key 'theme.custom_dir' is not allowed: custom templates can inject scripts into rendered docs.",
    ]);
  });

  it('refuses extensions that are not shipped or that read files', () => {
    expect(
      check(
        'site_name: x\nmarkdown_extensions:\n  - plantuml_markdown\n  - pymdownx.snippets:\n      base_path: /\n',
      ),
    ).toEqual([
      "mkdocs.yml: Markdown extension 'plantuml_markdown' is not available in the portal's docs build. Remove it from markdown_extensions.",
      "mkdocs.yml: Markdown extension 'pymdownx.snippets' is not allowed: it can include files from outside the docs. Remove it.",
    ]);
  });

  it('refuses YAML tags that run code or read the environment', () => {
    expect(
      check(
        'site_name: !ENV GITHUB_TOKEN\nextra:\n  x: !!python/object/apply:os.system ["id"]\n',
      ),
    ).toEqual([
      "mkdocs.yml: the !ENV tag is not allowed: it would copy the build server's environment (and its secrets) into the docs. Write the value itself.",
      'mkdocs.yml: the YAML tag !!python/object/apply:os.system is not allowed: it runs Python code when MkDocs loads the file (TechDocs accepts only !!python/name:materialx.emoji.twemoji and two other emoji/slug helpers). Remove it.',
    ]);
  });

  it('points newer emoji names at the one this build has', () => {
    expect(
      check(
        'site_name: x\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n',
      ),
    ).toEqual([
      "mkdocs.yml: !!python/name:material.extensions.emoji.twemoji is not available in the portal's docs build; write !!python/name:materialx.emoji.twemoji instead.",
    ]);
  });

  it('refuses Python tags that TechDocs cannot read, such as fence formatters', () => {
    expect(
      check(
        'site_name: x\nextra:\n  f: !!python/name:pymdownx.superfences.fence_code_format\n',
      ),
    ).toEqual([
      'mkdocs.yml: the YAML tag !!python/name:pymdownx.superfences.fence_code_format is not allowed: it runs Python code when MkDocs loads the file (TechDocs accepts only !!python/name:materialx.emoji.twemoji and two other emoji/slug helpers). Remove it.',
    ]);
  });

  it('says when the file is not YAML or not a mapping', () => {
    expect(check('site_name: [unclosed\n')[0]).toMatch(
      /^mkdocs.yml is not valid YAML: /,
    );
    expect(check('- a\n- b\n')).toEqual([
      'mkdocs.yml must be a mapping of keys such as site_name and nav',
    ]);
  });
});
