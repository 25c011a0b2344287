import { describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import Field from '$lib/components/Field.svelte';

describe('a field and its message', () => {
	test('an error is read out with the field, before the hint, and marks it invalid', async () => {
		await render(Field, {
			label: 'Date of birth',
			name: 'dateOfBirth',
			hint: 'For example 2011-03-27',
			error: 'Write the date like 2011-03-27.'
		});
		const field = page.getByRole('textbox', { name: 'Date of birth' });
		await expect.element(field).toHaveAttribute('aria-invalid', 'true');
		await expect
			.element(field)
			.toHaveAccessibleDescription('Write the date like 2011-03-27. For example 2011-03-27');
		await expect.element(page.getByText('Write the date like 2011-03-27.')).toBeVisible();
	});

	test('without an error only the hint describes it, and it is not marked invalid', async () => {
		await render(Field, {
			label: 'Date of birth',
			name: 'dateOfBirth',
			hint: 'For example 2011-03-27'
		});
		const field = page.getByRole('textbox', { name: 'Date of birth' });
		await expect.element(field).not.toHaveAttribute('aria-invalid');
		await expect.element(field).toHaveAccessibleDescription('For example 2011-03-27');
	});

	test('with neither, nothing points at text that is not there', async () => {
		await render(Field, { label: 'Place', name: 'place' });
		const field = page.getByRole('textbox', { name: 'Place' });
		await expect.element(field).not.toHaveAttribute('aria-describedby');
		await expect.element(field).not.toHaveAttribute('aria-invalid');
	});

	test('two fields of the same name on one page each keep their own label and message', async () => {
		// As on a page with one small form per item: the id, not the name, ties the words to the box.
		await render(Field, {
			label: 'Tell us more about the first promise',
			name: 'comment',
			id: 'comment-1',
			error: 'This is too long.'
		});
		await render(Field, {
			label: 'Tell us more about the second promise',
			name: 'comment',
			id: 'comment-2',
			hint: 'Only your worker reads this.'
		});
		const first = page.getByRole('textbox', { name: 'Tell us more about the first promise' });
		const second = page.getByRole('textbox', { name: 'Tell us more about the second promise' });
		await expect.element(first).toHaveAccessibleDescription('This is too long.');
		await expect.element(first).toHaveAttribute('aria-invalid', 'true');
		await expect.element(second).toHaveAccessibleDescription('Only your worker reads this.');
		await expect.element(second).not.toHaveAttribute('aria-invalid');
		await userEvent.fill(second, 'Sometimes.');
		await expect.element(first).toHaveValue('');
	});
});
