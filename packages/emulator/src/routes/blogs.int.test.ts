/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

function withBlog() {
  const s = setup();
  const { control } = s.emulator;
  const blog = control.createBlog(s.locationId, { name: 'Clinic news' });
  const author = control.createBlogAuthor(s.locationId, { name: 'Dr Olive' });
  const category = control.createBlogCategory(s.locationId, { label: 'Health Tips' });
  const post = {
    title: 'Spring opening hours',
    locationId: s.locationId,
    blogId: blog.id,
    imageUrl: 'https://example.com/spring.jpg',
    imageAltText: 'Blossom',
    description: 'When we are open',
    rawHTML: '<p>Open every weekday.</p>',
    status: 'PUBLISHED',
    categories: [category.id],
    tags: ['hours'],
    author: author.id,
    urlSlug: 'spring-hours',
    publishedAt: '2026-03-02T09:00:00.000Z',
  };
  return { ...s, blog, author, category, post };
}

describe('blog sites, authors and categories made in HighLevel (control API)', () => {
  it('are listed by the Location', async () => {
    const { api, locationId, blog, author, category } = withBlog();
    const sites = await api('GET', `/blogs/site/all?locationId=${locationId}&skip=0&limit=10`);
    expect(sites.body).toEqual({ data: [{ _id: blog.id, name: 'Clinic news' }] });
    const page = `locationId=${locationId}&offset=0&limit=10`;
    const authors = await api('GET', `/blogs/authors?${page}`);
    expect(authors.body.authors).toMatchObject([{ _id: author.id, name: 'Dr Olive' }]);
    const categories = await api('GET', `/blogs/categories?${page}`);
    expect(categories.body.categories).toMatchObject([
      { _id: category.id, label: 'Health Tips', urlSlug: 'health-tips' },
    ]);
    const missing = await api('GET', `/blogs/authors?locationId=${locationId}`);
    expect(missing.status).toBe(422);
  });
});

describe('POST /blogs/posts', () => {
  it('writes a post, listed by its blog, and takes its slug', async () => {
    const { api, locationId, blog, post } = withBlog();
    const slug = `/blogs/posts/url-slug-exists?locationId=${locationId}&urlSlug=spring-hours`;
    expect((await api('GET', slug)).body).toEqual({ exists: false });
    const res = await api('POST', '/blogs/posts', { body: post });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ title: 'Spring opening hours', archived: false });
    expect((await api('GET', slug)).body).toEqual({ exists: true });
    expect((await api('GET', `${slug}&postId=${res.body.data._id}`)).body).toEqual({
      exists: false,
    });
    const list = await api(
      'GET',
      `/blogs/posts/all?locationId=${locationId}&blogId=${blog.id}&offset=0&limit=10`,
    );
    expect(list.body.blogs.map((p: { _id: string }) => p._id)).toEqual([res.body.data._id]);
    const again = await api('POST', '/blogs/posts', { body: post });
    expect(again.status).toBe(400);
    expect(again.body.message).toBe('Url slug spring-hours already exists');
  });

  it('refuses an unknown category, a missing field and a property the DTO lacks', async () => {
    const { api, post } = withBlog();
    const unknown = await api('POST', '/blogs/posts', {
      body: { ...post, categories: ['NoSuchCategory000001'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Category not found for id:NoSuchCategory000001');
    const { author: _author, ...withoutAuthor } = post;
    expect((await api('POST', '/blogs/posts', { body: withoutAuthor })).status).toBe(422);
    expect((await api('POST', '/blogs/posts', { body: { ...post, body: 'x' } })).status).toBe(422);
  });
});

describe('PUT /blogs/posts/{postId}', () => {
  it('replaces the post; an archived post says so', async () => {
    const { api, locationId, blog, post } = withBlog();
    const created = await api('POST', '/blogs/posts', { body: post });
    const postId = created.body.data._id as string;
    const res = await api('PUT', `/blogs/posts/${postId}`, {
      body: { ...post, title: 'Summer opening hours', status: 'ARCHIVED', tags: [] },
    });
    expect(res.status).toBe(200);
    expect(res.body.updatedBlogPost).toMatchObject({
      _id: postId,
      title: 'Summer opening hours',
      archived: true,
      tags: [],
    });
    const archived = await api(
      'GET',
      `/blogs/posts/all?locationId=${locationId}&blogId=${blog.id}&offset=0&limit=10&status=ARCHIVED`,
    );
    expect(archived.body.blogs).toHaveLength(1);
    const unknown = await api('PUT', '/blogs/posts/NoSuchPost0000000001', { body: post });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Blog post not found for id:NoSuchPost0000000001');
  });
});
