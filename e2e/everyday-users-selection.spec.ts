import { expect, test } from './fixtures.ts';
import { sandboxApi } from './sandbox-api.ts';

type Person = { id: number; name: string; email: string };

test('the header checkbox selects every person shown, and "Select all N matching" the whole list', async ({
  page,
  request,
}) => {
  const staff = await sandboxApi(request).get<{ count: { value: number } }>(
    '/users/count?role[]=agent&role[]=admin',
  );
  await page.goto('/users');
  const table = page.getByRole('table', { name: 'Users' });
  await expect(table).toContainText('Ada Admin');
  await table.getByRole('checkbox', { name: 'Select every person shown' }).check();
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bar).toContainText(/^\d+ people selected/);
  const shown = Number((await bar.textContent())?.match(/^([\d,]+)/)?.[1]?.replace(/,/g, ''));
  expect(shown).toBeLessThan(staff.count.value);

  await page
    .getByRole('button', { name: `Select all ${staff.count.value.toLocaleString('en-US')} matching` })
    .click();
  await expect(bar).toContainText(`${staff.count.value.toLocaleString('en-US')} people selected`);
  await table.getByRole('checkbox', { name: 'Select every person shown' }).uncheck();
  await expect(bar).toHaveCount(0);
});

test('Shift-click selects every row between the last click and this one', async ({ page }) => {
  await page.goto('/users');
  const table = page.getByRole('table', { name: 'Users' });
  const boxes = table.getByRole('row').getByRole('checkbox', { name: /^Select (?!every)/ });
  await expect(boxes.nth(6)).toBeVisible();
  await boxes.nth(1).click();
  await boxes.nth(5).click({ modifiers: ['Shift'] });
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bar).toContainText('5 people selected');
  for (const index of [1, 2, 3, 4, 5]) await expect(boxes.nth(index)).toBeChecked();
  await expect(boxes.nth(0)).not.toBeChecked();
  await expect(boxes.nth(6)).not.toBeChecked();

  // A shift-click on a chosen row clears the range from the last click.
  await boxes.nth(3).click({ modifiers: ['Shift'] });
  await expect(bar).toContainText('2 people selected');
});

test('the selection survives a new search and can be reviewed and pruned', async ({ page }) => {
  await page.goto('/users');
  const table = page.getByRole('table', { name: 'Users' });
  await table.getByRole('checkbox', { name: 'Select Ada Admin' }).check();
  await page.getByRole('searchbox', { name: 'Search people by name or email' }).fill('Alan Agent');
  await expect(page).toHaveURL(/q=Alan/);
  await expect(table).not.toContainText('Ada Admin');
  await table.getByRole('checkbox', { name: 'Select Alan Agent' }).check();

  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bar).toContainText('2 people selected');
  await expect(page.getByTestId('hidden-chosen')).toHaveText(
    '1 chosen person is not in this list; they stay chosen.',
  );
  await page.getByText('Review the 2 people chosen').click();
  const list = page.getByRole('list', { name: 'Chosen people' });
  await expect(list).toContainText('Ada Admin');
  await expect(list).toContainText('Alan Agent');
  await list.getByRole('button', { name: 'Take Ada Admin out of the selection' }).click();
  await expect(bar).toContainText('1 person selected');
  await expect(list).not.toContainText('Ada Admin');
  await expect(page.getByTestId('hidden-chosen')).toHaveCount(0);

  await page.getByRole('button', { name: 'Add to organizations…' }).click();
  await expect(page.getByRole('dialog')).toHaveAccessibleName('Add 1 person to organizations');
});

test('"Paste emails or ids" on the Users page adds the people found to the selection and lists the rest', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const agents = (await api.get<{ users: Person[] }>('/users?role=agent&page[size]=3')).users;
  const [first, second, third] = agents as [Person, Person, Person];
  await page.goto('/users');
  await page
    .getByRole('table', { name: 'Users' })
    .getByRole('checkbox', { name: `Select ${first.name}` })
    .check();
  await page.getByRole('button', { name: 'Paste emails or ids…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose people by email or id' });
  await dialog
    .getByLabel('Emails or user ids')
    .fill(`${first.email}\n${second.email.toUpperCase()}, ${third.id}\nno-one@roster.example\nnot an email`);
  await dialog.getByRole('button', { name: 'Find people' }).click();
  await expect(dialog.getByTestId('paste-summary')).toHaveText('3 people found, 4 entries found no one.');
  const notFound = dialog.getByRole('list', { name: 'Entries that found no one' });
  await expect(notFound).toContainText('Line 3no-one@roster.exampleNo one has this email or id.');
  await expect(notFound).toContainText('Line 4notNot an email address or a user id.');
  await dialog.getByRole('button', { name: 'Choose 3 people' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toContainText('3 people selected');
});
