import { describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import ChipGroup from '$lib/components/ChipGroup.svelte';

const moods = [
	{ value: 'great', label: 'Great', icon: '😀' },
	{ value: 'okay', label: 'Okay', icon: '🙂' },
	{ value: 'sad', label: 'Sad', icon: '😢' }
];

describe('choice chips', () => {
	test('what was picked before a mistake is still picked, and the message names the question', async () => {
		await render(ChipGroup, {
			legend: 'How do you feel?',
			name: 'mood',
			options: moods,
			checked: ['okay'],
			multiple: false,
			error: 'Pick a face that shows how you feel.'
		});
		const group = page.getByRole('group', { name: 'How do you feel?' });
		await expect.element(group).toHaveAccessibleDescription('Pick a face that shows how you feel.');
		await expect.element(group.getByRole('radio', { name: 'Okay' })).toBeChecked();
		await expect.element(group.getByRole('radio', { name: 'Great' })).not.toBeChecked();
	});

	test('one face at a time, chosen by tapping its word', async () => {
		await render(ChipGroup, {
			legend: 'How do you feel?',
			name: 'mood',
			options: moods,
			checked: [],
			multiple: false
		});
		const group = page.getByRole('group', { name: 'How do you feel?' });
		await expect.element(group).not.toHaveAttribute('aria-describedby');
		await userEvent.click(page.getByText('Sad'));
		await expect.element(group.getByRole('radio', { name: 'Sad' })).toBeChecked();
		await userEvent.click(page.getByText('Great'));
		await expect.element(group.getByRole('radio', { name: 'Great' })).toBeChecked();
		await expect.element(group.getByRole('radio', { name: 'Sad' })).not.toBeChecked();
	});
});
