import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';

/** The keys of mkdocs.yml a TechDocs build accepts. */
export const ALLOWED_KEYS = new Set([
  'site_name',
  'site_url',
  'site_description',
  'site_author',
  'repo_url',
  'repo_name',
  'edit_uri',
  'edit_uri_template',
  'copyright',
  'docs_dir',
  'site_dir',
  'nav',
  'exclude_docs',
  'not_in_nav',
  'theme',
  'plugins',
  'markdown_extensions',
  'extra',
  'extra_css',
  'use_directory_urls',
  'strict',
  'validation',
  'watch',
]);

/** Keys refused with the reason, so the author knows why. */
const REFUSED_KEYS: Record<string, string> = {
  hooks: 'hooks run arbitrary Python code during the build',
  extra_javascript: 'scripts are not allowed in rendered docs',
  extra_templates: 'templates can inject scripts into rendered docs',
  INHERIT: 'inheriting another file can read files outside the repository',
};

/** Themes the build accepts; TechDocs renders with Material either way. */
export const ALLOWED_THEMES = new Set(['material', 'mkdocs']);
const ALLOWED_THEME_KEYS = new Set([
  'name',
  'features',
  'palette',
  'font',
  'icon',
  'logo',
  'favicon',
  'language',
]);

/** MkDocs plugins the portal provides. */
export const ALLOWED_PLUGINS = new Set(['techdocs-core', 'search']);

/** Markdown extensions that ship with Python-Markdown or pymdown-extensions. */
const ALLOWED_EXTENSIONS = new Set([
  'abbr',
  'admonition',
  'attr_list',
  'codehilite',
  'def_list',
  'extra',
  'fenced_code',
  'footnotes',
  'legacy_attrs',
  'legacy_em',
  'md_in_html',
  'meta',
  'nl2br',
  'sane_lists',
  'smarty',
  'tables',
  'toc',
  'wikilinks',
]);
const ALLOWED_PYMDOWNX = new Set([
  'arithmatex',
  'b64',
  'betterem',
  'caret',
  'critic',
  'details',
  'emoji',
  'escapeall',
  'extra',
  'highlight',
  'inlinehilite',
  'keys',
  'magiclink',
  'mark',
  'progressbar',
  'saneheaders',
  'smartsymbols',
  'striphtml',
  'superfences',
  'tabbed',
  'tasklist',
  'tilde',
]);

/**
 * Python YAML tags a mkdocs.yml may carry: exactly the ones Backstage's TechDocs
 * generator reads (it refuses every other one). `materialx` is provided by the
 * portal (mkdocs/materialx), since Debian's Material for MkDocs lacks it.
 */
const ALLOWED_PYTHON_TAGS = new Set([
  'tag:yaml.org,2002:python/name:materialx.emoji.twemoji',
  'tag:yaml.org,2002:python/object.apply:materialx.emoji.to_svg',
  'tag:yaml.org,2002:python/object/apply:pymdownx.slugs.slugify',
]);

/** Emoji names of newer Material releases, with the one that works here. */
const UNAVAILABLE_PYTHON_NAMES: Record<string, string> = {
  'material.extensions.emoji.twemoji': 'materialx.emoji.twemoji',
  'pymdownx.emoji.twemoji': 'materialx.emoji.twemoji',
};

const CORE_TAGS = new Set(
  [
    'str',
    'int',
    'float',
    'bool',
    'null',
    'map',
    'seq',
    'binary',
    'timestamp',
    'set',
    'omap',
    'pairs',
  ].map(t => `tag:yaml.org,2002:${t}`),
);

/** A YAML tag is plain data, one TechDocs reads, or refused (with why). */
function checkTag(tag: string | undefined): string | undefined {
  if (!tag || CORE_TAGS.has(tag) || ALLOWED_PYTHON_TAGS.has(tag)) {
    return undefined;
  }
  const pythonName = /^tag:yaml\.org,2002:python\/name:(.+)$/.exec(tag);
  if (pythonName && UNAVAILABLE_PYTHON_NAMES[pythonName[1]]) {
    return `mkdocs.yml: !!python/name:${
      pythonName[1]
    } is not available in the portal's docs build; write !!python/name:${
      UNAVAILABLE_PYTHON_NAMES[pythonName[1]]
    } instead.`;
  }
  if (tag === '!ENV') {
    return "mkdocs.yml: the !ENV tag is not allowed: it would copy the build server's environment (and its secrets) into the docs. Write the value itself.";
  }
  return `mkdocs.yml: the YAML tag ${tag.replace(
    'tag:yaml.org,2002:',
    '!!',
  )} is not allowed: it runs Python code when MkDocs loads the file (TechDocs accepts only !!python/name:materialx.emoji.twemoji and two other emoji/slug helpers). Remove it.`;
}

/** Extensions refused with the reason. */
const REFUSED_EXTENSIONS: Record<string, string> = {
  'pymdownx.snippets': 'it can include files from outside the docs',
};

function isAllowedExtension(name: string) {
  if (ALLOWED_EXTENSIONS.has(name)) return true;
  if (name.startsWith('markdown.extensions.')) {
    return ALLOWED_EXTENSIONS.has(name.slice('markdown.extensions.'.length));
  }
  if (name.startsWith('pymdownx.')) {
    return ALLOWED_PYMDOWNX.has(name.slice('pymdownx.'.length));
  }
  return false;
}

/** Names of the entries of a plugins/markdown_extensions list (strings or one-key maps). */
function entryNames(value: unknown): string[] {
  if (!Array.isArray(value)) {
    return value && typeof value === 'object' ? Object.keys(value) : [];
  }
  return value.flatMap(v => {
    if (typeof v === 'string') return [v];
    return v && typeof v === 'object' ? Object.keys(v) : [];
  });
}

function insideRepository(root: string, dir: string) {
  const resolved = path.resolve(root, dir);
  return resolved === root || resolved.startsWith(`${root}${path.sep}`);
}

/**
 * Checks a repository's mkdocs.yml before MkDocs runs, and returns every problem
 * found, each naming the key and saying what to do. An empty list means the
 * build may run.
 *
 * Why refuse rather than strip (as Backstage does): an author whose `hooks` or
 * plugin silently disappears gets docs that differ from what they built
 * locally, with no message; a refused build says what to change.
 */
export function validateMkdocsConfig(text: string, repoDir: string): string[] {
  const problems: string[] = [];
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    return [`mkdocs.yml is not valid YAML: ${doc.errors[0].message}`];
  }

  // Tags run code or read the environment when MkDocs loads the file.
  visit(doc, {
    Node(_key, node) {
      if (!isScalar(node) && !isMap(node) && !isSeq(node)) return;
      const problem = checkTag(node.tag);
      if (problem) problems.push(problem);
    },
  });

  const config = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (!config || typeof config !== 'object' || Array.isArray(config)) {
    return [
      ...problems,
      'mkdocs.yml must be a mapping of keys such as site_name and nav',
    ];
  }
  const c = config as Record<string, unknown>;

  for (const key of Object.keys(c)) {
    if (REFUSED_KEYS[key]) {
      problems.push(
        `mkdocs.yml: key '${key}' is not allowed: ${REFUSED_KEYS[key]}. Remove it.`,
      );
    } else if (!ALLOWED_KEYS.has(key)) {
      problems.push(
        `mkdocs.yml: key '${key}' is not supported by the portal's docs build. Remove it, or ask the platform team to allow it.`,
      );
    }
  }

  for (const key of ['docs_dir', 'site_dir']) {
    const dir = c[key];
    if (dir === undefined) continue;
    if (
      typeof dir !== 'string' ||
      path.isAbsolute(dir) ||
      !insideRepository(repoDir, dir)
    ) {
      problems.push(
        `mkdocs.yml: key '${key}' must be a relative folder inside the repository; '${String(
          dir,
        )}' points outside it.`,
      );
    }
  }

  const theme = c.theme;
  if (theme !== undefined) {
    const name = typeof theme === 'string' ? theme : (theme as any)?.name;
    if (typeof name === 'string' && !ALLOWED_THEMES.has(name)) {
      problems.push(
        `mkdocs.yml: theme '${name}' is not available; use 'material' (or leave theme out).`,
      );
    }
    if (theme && typeof theme === 'object') {
      for (const k of Object.keys(theme)) {
        if (!ALLOWED_THEME_KEYS.has(k)) {
          problems.push(
            k === 'custom_dir'
              ? `mkdocs.yml: key 'theme.custom_dir' is not allowed: custom templates can inject scripts into rendered docs.`
              : `mkdocs.yml: key 'theme.${k}' is not supported. Remove it.`,
          );
        }
      }
    }
  }

  for (const plugin of entryNames(c.plugins)) {
    if (!ALLOWED_PLUGINS.has(plugin)) {
      problems.push(
        `mkdocs.yml: plugin '${plugin}' is not available in the portal's docs build (available: ${[
          ...ALLOWED_PLUGINS,
        ].join(', ')}). Remove it from plugins.`,
      );
    }
  }

  for (const ext of entryNames(c.markdown_extensions)) {
    if (REFUSED_EXTENSIONS[ext]) {
      problems.push(
        `mkdocs.yml: Markdown extension '${ext}' is not allowed: ${REFUSED_EXTENSIONS[ext]}. Remove it.`,
      );
    } else if (!isAllowedExtension(ext)) {
      problems.push(
        `mkdocs.yml: Markdown extension '${ext}' is not available in the portal's docs build. Remove it from markdown_extensions.`,
      );
    }
  }
  return problems;
}
