import { describe, expect, it } from 'vitest';
import { isBoxPath, paths } from './paths.ts';

describe('paths', () => {
  it('builds a record page from its id, encoding what an address cannot hold', () => {
    expect(paths.group.href(360001)).toBe('/groups/360001');
    expect(paths.zendeskJob.href('a/b c')).toBe('/history/zendesk-jobs/a%2Fb%20c');
  });

  it('leaves out query values that are empty or missing, and keeps URL parameters as they are', () => {
    expect(paths.organizationMatrix.href({ q: 'ada@example.com', columns: '' })).toBe(
      '/matrix/organizations?q=ada%40example.com',
    );
    expect(paths.groups.href({ q: undefined })).toBe('/groups');
    expect(paths.operation.href('op-1', new URLSearchParams('state=failed&page=2'))).toBe(
      '/history/op-1?state=failed&page=2',
    );
  });

  it('sends sign-in back to where the person was, except to the home page', () => {
    expect(paths.signIn.href('/')).toBe('/sign-in');
    expect(paths.signIn.href()).toBe('/sign-in');
    expect(paths.signIn.href('/groups?q=Support')).toBe('/sign-in?next=%2Fgroups%3Fq%3DSupport');
  });

  it('tells a Box workspace address from a Zendesk one by its first segment only', () => {
    expect(isBoxPath('/box')).toBe(true);
    expect(isBoxPath('/box/groups/12')).toBe(true);
    expect(isBoxPath('/boxes')).toBe(false);
    expect(isBoxPath('/groups')).toBe(false);
  });
});
