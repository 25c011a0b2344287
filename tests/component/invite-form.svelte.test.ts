import { describe, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import InviteYoungPersonForm from '$lib/components/InviteYoungPersonForm.svelte';

const choices = {
	social_worker: [
		{ id: 'sw-1', name: 'Sam Okafor' },
		{ id: 'sw-2', name: 'Holly Brennan' }
	],
	personal_adviser: [{ id: 'pa-1', name: 'Marcus Reid' }],
	iro: [{ id: 'iro-1', name: 'Janet Ward' }],
	supervising_social_worker: [],
	advocate: []
};

describe('the invitation form, sent back after a mistake', () => {
	test('keeps every answer, and says what to fix beside the field', async () => {
		await render(InviteYoungPersonForm, {
			action: '?/invite',
			choices,
			values: {
				which: 'youngPerson',
				preferredName: 'Kayla',
				dateOfBirth: '2013-05-14',
				careStatus: 'care_leaver',
				leavingCareCategory: 'relevant',
				link_social_worker: 'sw-2',
				link_iro: 'iro-1'
			},
			errors: { dateOfBirth: 'They must be under 25.' }
		});
		await expect
			.element(page.getByRole('alert'))
			.toHaveTextContent('Some answers need fixing. Look for the messages in red.');
		await expect.element(page.getByLabelText('Name they like to be called')).toHaveValue('Kayla');
		const born = page.getByLabelText('Date of birth');
		await expect.element(born).toHaveValue('2013-05-14');
		await expect.element(born).toHaveAttribute('aria-invalid', 'true');
		await expect
			.element(born)
			.toHaveAccessibleDescription('They must be under 25. For example 2011-03-27');
		await expect
			.element(page.getByLabelText('Are they in care or a care leaver?'))
			.toHaveValue('care_leaver');
		await expect.element(page.getByLabelText('Leaving-care category')).toHaveValue('relevant');
		await expect.element(page.getByLabelText('Social worker', { exact: true })).toHaveValue('sw-2');
		await expect
			.element(page.getByLabelText('Independent reviewing officer (IRO)'))
			.toHaveValue('iro-1');
		await expect.element(page.getByLabelText('Personal adviser (PA)')).toHaveValue('');
		// Only the field that was wrong is marked.
		await expect
			.element(page.getByLabelText('Name they like to be called'))
			.not.toHaveAttribute('aria-invalid');
	});

	test('a first visit has no message and nothing chosen for anyone', async () => {
		await render(InviteYoungPersonForm, { action: '?/invite', choices });
		await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
		await expect.element(page.getByLabelText('Name they like to be called')).toHaveValue('');
		await expect.element(page.getByLabelText('Social worker', { exact: true })).toHaveValue('');
		await expect
			.element(page.getByRole('combobox', { name: 'Social worker', exact: true }))
			.toHaveDisplayValue('Not linked');
	});
});
