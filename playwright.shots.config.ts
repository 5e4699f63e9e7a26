import base from './playwright.config.ts';
export default { ...base, testDir: '/tmp/wt18-shots', reporter: 'line', timeout: 600_000 };
