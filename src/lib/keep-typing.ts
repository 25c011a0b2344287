// Whatever someone types, ticks or picks while a slow phone is still loading Hearth's code must
// survive the moment Svelte takes over the page ("hydration"), which sets every control back to
// the value the server rendered. We note the changed controls just before, and put them back after.

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type Saved = { index: number; value?: string; checked?: boolean; selected?: boolean[] };

let saved: Saved[] = [];

const controls = () => [...document.querySelectorAll<Control>('input, textarea, select')];

/** Note every control the person has changed since the page arrived. Call before hydration. */
export function noteTyping(): void {
	saved = [];
	controls().forEach((control, index) => {
		if (control instanceof HTMLSelectElement) {
			const options = [...control.options];
			if (options.some((option) => option.selected !== option.defaultSelected)) {
				saved.push({ index, selected: options.map((option) => option.selected) });
			}
		} else if (
			control instanceof HTMLInputElement &&
			(control.type === 'checkbox' || control.type === 'radio')
		) {
			if (control.checked !== control.defaultChecked)
				saved.push({ index, checked: control.checked });
		} else if (
			control.type !== 'file' &&
			control.type !== 'hidden' &&
			control.value !== control.defaultValue
		) {
			saved.push({ index, value: control.value });
		}
	});
}

/** Put the noted changes back. Call once hydration is done. */
export function restoreTyping(): void {
	const all = controls();
	for (const entry of saved) {
		const control = all[entry.index];
		if (!control) continue;
		if (entry.selected && control instanceof HTMLSelectElement) {
			[...control.options].forEach((option, i) => (option.selected = entry.selected![i] ?? false));
		} else if (entry.checked !== undefined && control instanceof HTMLInputElement) {
			control.checked = entry.checked;
		} else if (entry.value !== undefined) {
			control.value = entry.value;
		}
		control.dispatchEvent(new Event('input', { bubbles: true }));
	}
	saved = [];
}
