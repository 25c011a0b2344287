// Whatever someone types, ticks or picks while a slow phone is still loading Hearth's code must
// survive the moment Svelte takes over the page ("hydration"), which sets every control back to
// the value the server rendered. From the moment the code starts until hydration is done, we note
// each changed control, and put the changes back afterwards.

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type Saved = { index: number; value?: string; checked?: boolean; selected?: boolean[] };

const changed = new Map<Control, Saved>();
let listening = false;

const controls = () => [...document.querySelectorAll<Control>('input, textarea, select')];

function isControl(target: EventTarget | null): target is Control {
	return (
		target instanceof HTMLInputElement ||
		target instanceof HTMLTextAreaElement ||
		target instanceof HTMLSelectElement
	);
}

/** What a control holds now, if the person changed it from what the server sent. */
function snapshot(control: Control, index: number): Saved | null {
	if (control instanceof HTMLSelectElement) {
		const options = [...control.options];
		return options.some((option) => option.selected !== option.defaultSelected)
			? { index, selected: options.map((option) => option.selected) }
			: null;
	}
	if (
		control instanceof HTMLInputElement &&
		(control.type === 'checkbox' || control.type === 'radio')
	) {
		return control.checked !== control.defaultChecked ? { index, checked: control.checked } : null;
	}
	if (control.type === 'file' || control.type === 'hidden') return null;
	return control.value !== control.defaultValue ? { index, value: control.value } : null;
}

function remember(event: Event) {
	const all = controls();
	const note = (control: Control) => {
		const saved = snapshot(control, all.indexOf(control));
		if (saved) changed.set(control, saved);
		else changed.delete(control);
	};
	const target = event.target;
	if (!isControl(target)) return;
	note(target);
	// Ticking one radio unticks the others in its group.
	if (target instanceof HTMLInputElement && target.type === 'radio') {
		all
			.filter((c) => c instanceof HTMLInputElement && c.type === 'radio' && c.name === target.name)
			.forEach(note);
	}
}

/** Start noting changes: what was typed already, and anything typed until hydration is done. */
export function noteTyping(): void {
	controls().forEach((control, index) => {
		const saved = snapshot(control, index);
		if (saved) changed.set(control, saved);
	});
	document.addEventListener('input', remember, true);
	document.addEventListener('change', remember, true);
	listening = true;
}

/** Put the noted changes back. Call once hydration is done. */
export function restoreTyping(): void {
	if (!listening) return;
	document.removeEventListener('input', remember, true);
	document.removeEventListener('change', remember, true);
	listening = false;
	const all = controls();
	for (const [original, entry] of changed) {
		// Hydration keeps the server's elements; if one was replaced, find its successor by position.
		const control = original.isConnected ? original : all[entry.index];
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
	changed.clear();
}
