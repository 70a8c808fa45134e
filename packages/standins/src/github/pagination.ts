import { Request, Response } from 'express';

/**
 * GitHub's REST paging: `per_page` (default 30, at most 100) and `page`
 * (from 1), with a `Link` header naming the next and last pages.
 */
export function paginate<T>(req: Request, res: Response, items: T[]): T[] {
  const perPage = Math.min(Math.max(Number(req.query.per_page) || 30, 1), 100);
  const pageNo = Math.max(Number(req.query.page) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (n: number, rel: string) => {
    const url = new URL(
      `${req.protocol}://${req.get('host')}${req.originalUrl}`,
    );
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(n));
    return `<${url}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (pageNo < last) links.push(link(pageNo + 1, 'next'), link(last, 'last'));
  if (pageNo > 1) links.push(link(1, 'first'), link(pageNo - 1, 'prev'));
  if (links.length) res.setHeader('Link', links.join(', '));
  return items.slice((pageNo - 1) * perPage, pageNo * perPage);
}
