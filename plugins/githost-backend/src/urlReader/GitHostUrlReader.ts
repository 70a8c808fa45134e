import { Readable } from 'node:stream';
import {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import {
  ReaderFactory,
  ReadTreeResponseFactory,
} from '@backstage/backend-defaults/urlReader';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import { minimatch } from 'minimatch';
import { GitRepositories } from '../service/GitRepositories';

/** A file or folder URL of the local git host, taken apart. */
interface GitHostLocation {
  owner: string;
  repo: string;
  ref: string;
  path: string;
}

/**
 * Reads the local git host's URLs (`<backend>/api/githost/repos/<owner>/<repo>/
 * blob|tree/<branch>/<path>`) straight from its repositories on disk, so the
 * catalog can register `catalog-info.yaml` and TechDocs can build `dir:.` docs
 * from a repository made by the Scaffolder, as it would from GitHub.
 */
export class GitHostUrlReader implements UrlReaderService {
  /** Registered through `urlReaderFactoriesServiceRef`. */
  static factory: ReaderFactory = ({ config, treeResponseFactory }) => {
    const base = new URL(config.getString('backend.baseUrl'));
    const prefix = `${base.pathname.replace(/\/$/, '')}/api/githost/repos/`;
    const reader = new GitHostUrlReader(
      GitRepositories.fromConfig(config),
      treeResponseFactory,
      prefix,
    );
    return [
      {
        reader,
        predicate: url =>
          url.host === base.host && url.pathname.startsWith(prefix),
      },
    ];
  };

  constructor(
    private readonly repos: GitRepositories,
    private readonly treeResponseFactory: ReadTreeResponseFactory,
    private readonly prefix: string,
  ) {}

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const { owner, repo, ref, path } = this.parse(url);
    const file = await this.repos.readFile(owner, repo, ref, path);
    if (options?.etag === file.blob) {
      throw new NotModifiedError();
    }
    return {
      buffer: async () => file.content,
      stream: () => Readable.from(file.content),
      etag: file.blob,
    };
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const { owner, repo, ref, path } = this.parse(url);
    const { stream, tree } = await this.repos.archive(owner, repo, ref, path);
    if (options?.etag === tree) {
      stream.destroy();
      throw new NotModifiedError();
    }
    return this.treeResponseFactory.fromTarArchive({
      stream,
      etag: tree,
      filter: options?.filter,
    });
  }

  async search(url: string): Promise<UrlReaderServiceSearchResponse> {
    const { owner, repo, ref, path } = this.parse(url);
    const segments = path.split('/');
    const globAt = segments.findIndex(s => /[*?[{]/.test(s));
    if (globAt === -1) {
      try {
        const file = await this.readUrl(url);
        return {
          files: [{ url, content: file.buffer }],
          etag: file.etag ?? '',
        };
      } catch (e) {
        if (e instanceof NotFoundError) return { files: [], etag: '' };
        throw e;
      }
    }
    const dir = segments.slice(0, globAt).join('/');
    const pattern = segments.slice(globAt).join('/');
    const { entries, tree } = await this.repos.listTree(owner, repo, ref, dir);
    const base = url.slice(0, url.length - pattern.length);
    const files = entries
      .filter(e => e.type === 'blob' && minimatch(e.path, pattern))
      .map(e => ({
        url: `${base}${e.path}`,
        content: async () =>
          (await this.repos.readFile(owner, repo, ref, joinPath(dir, e.path)))
            .content,
      }));
    return { files, etag: tree };
  }

  toString() {
    return 'githost{local}';
  }

  private parse(url: string): GitHostLocation {
    const { pathname } = new URL(url);
    const rest = pathname.slice(
      pathname.indexOf(this.prefix) + this.prefix.length,
    );
    const [owner, repo, kind, ref, ...path] = rest
      .split('/')
      .map(s => decodeURIComponent(s));
    if (!owner || !repo || !ref || (kind !== 'blob' && kind !== 'tree')) {
      throw new NotFoundError(
        `${url} is not a file or folder URL of the local git host (.../repos/<owner>/<repo>/blob/<branch>/<path>)`,
      );
    }
    return { owner, repo, ref, path: path.join('/') };
  }
}

function joinPath(dir: string, file: string) {
  return dir ? `${dir}/${file}` : file;
}
