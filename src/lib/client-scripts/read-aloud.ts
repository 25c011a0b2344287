// Read aloud, for every young person's page, as /read-aloud.js: the browser's own voice (the Web
// Speech API), so nothing anyone reads is sent to another service. It reads the page's main part
// one sentence at a time, highlighting the sentence it is reading, in the page's language (or the
// language of the part it is in), at the speed chosen in the bar. Pages work the same without it.
// Pages without the framework load it on the first tap of the bar (enhance.js), so it costs no
// data until someone wants it; pages with the framework load it at once (ReadingTools).

/** What the reader answers once loaded: enhance.js hands it the tap that loaded it. */
export interface ReadAloud {
	toggle(): void;
	saveRate(select: HTMLSelectElement): void;
}

declare global {
	interface Window {
		hearthReadAloud?: ReadAloud;
	}
}

interface Sentence {
	text: string;
	lang: string;
	range: Range;
}

const SKIP =
	'script,style,noscript,template,select,[hidden],[aria-hidden="true"],.sr-only,[data-read-aloud-bar]';
const HIGHLIGHT = 'hearth-reading';

/**
 * The nearest ancestor that stands on its own (a paragraph, a heading, a button, a chip):
 * sentences never run from one into the next.
 */
function blockOf(element: Element): Element {
	for (let el: Element | null = element; el && el !== document.body; el = el.parentElement) {
		const display = getComputedStyle(el).display;
		if (display !== 'inline' && display !== 'contents') return el;
	}
	return document.body;
}

/** Every visible run of text in `container`, grouped by block, split into sentences. */
function collect(container: HTMLElement): Sentence[] {
	const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
		acceptNode(node: Text) {
			const el = node.parentElement;
			if (!el || !node.data.trim() || el.closest(SKIP) || !el.getClientRects().length)
				return NodeFilter.FILTER_REJECT;
			return NodeFilter.FILTER_ACCEPT;
		}
	});
	const blocks: { block: Element; nodes: Text[] }[] = [];
	for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
		const block = blockOf(node.parentElement!);
		const last = blocks[blocks.length - 1];
		if (last && last.block === block) last.nodes.push(node);
		else blocks.push({ block, nodes: [node] });
	}
	const pageLang = document.documentElement.lang;
	return blocks.flatMap(({ block, nodes }) =>
		split(nodes, (block.closest('[lang]') as HTMLElement | null)?.lang || pageLang)
	);
}

function split(nodes: Text[], lang: string): Sentence[] {
	let text = '';
	const starts = nodes.map((node) => {
		const start = text.length;
		text += node.data;
		return start;
	});
	// Where character `offset` of the joined text is, as a node and an offset into it.
	const at = (offset: number): [Text, number] => {
		let i = starts.length - 1;
		while (i > 0 && starts[i] > offset) i--;
		return [nodes[i], Math.min(offset - starts[i], nodes[i].data.length)];
	};
	const pieces: [number, string][] =
		typeof Intl.Segmenter === 'function'
			? [...new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)].map((s) => [
					s.index,
					s.segment
				])
			: [[0, text]];
	return pieces
		.filter(([, piece]) => piece.trim())
		.map(([offset, piece]) => {
			const lead = piece.length - piece.trimStart().length;
			const range = document.createRange();
			range.setStart(...at(offset + lead));
			range.setEnd(...at(offset + piece.trimEnd().length));
			return { text: piece.trim().replace(/\s+/g, ' '), lang, range };
		});
}

/** Start the reader: show the controls and answer them. */
function install(synth: SpeechSynthesis): ReadAloud {
	// Shows the controls (layout.css hides them until now).
	document.documentElement.dataset.speech = '';
	const highlights = typeof Highlight === 'function' && window.CSS && CSS.highlights;
	let sentences: Sentence[] = [];
	let index = 0;
	let reading = false;
	let run = 0; // which start() an utterance belongs to, so a cancelled one never moves on

	const button = () => document.querySelector<HTMLElement>('[data-read-aloud]');
	const rateControl = () => document.querySelector<HTMLSelectElement>('[data-read-aloud-rate]');
	const rate = () => Number(rateControl()?.value || 100) / 100;

	function show(isReading: boolean) {
		const control = button();
		if (!control) return;
		control.setAttribute('aria-pressed', String(isReading));
		control.querySelector('[data-read-aloud-label]')!.textContent = isReading
			? (control.dataset.labelStop ?? null)
			: (control.dataset.labelStart ?? null);
	}

	function mark(range: Range | null) {
		if (!highlights) return;
		if (range) CSS.highlights.set(HIGHLIGHT, new Highlight(range));
		else CSS.highlights.delete(HIGHLIGHT);
	}

	function voiceFor(lang: string) {
		const wanted = lang.toLowerCase();
		const voices = synth.getVoices();
		return (
			voices.find((v) => v.lang.toLowerCase() === wanted) ||
			voices.find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === wanted.split('-')[0])
		);
	}

	function speak(i: number): void {
		if (!reading) return;
		if (i >= sentences.length) return stop();
		index = i;
		const sentence = sentences[i];
		mark(sentence.range);
		sentence.range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
		const mine = run;
		const current = () => mine === run && index === i;
		const utterance = new SpeechSynthesisUtterance(sentence.text);
		utterance.lang = sentence.lang;
		utterance.rate = rate();
		const voice = voiceFor(sentence.lang);
		if (voice) utterance.voice = voice;
		utterance.onend = () => current() && speak(i + 1);
		// A sentence the voice cannot say is skipped rather than ending the whole page.
		utterance.onerror = (event) =>
			event.error !== 'interrupted' && event.error !== 'canceled' && current() && speak(i + 1);
		synth.speak(utterance);
	}

	function start() {
		const main = document.getElementById('main') || document.body;
		sentences = collect(main);
		if (!sentences.length) return;
		synth.cancel();
		run++;
		reading = true;
		show(true);
		speak(0);
	}

	function stop() {
		reading = false;
		run++;
		index = -1;
		synth.cancel();
		mark(null);
		show(false);
	}

	const toggle = () => (reading ? stop() : start());

	// The next sentence goes at the new speed; the person's choice is kept for next time.
	function saveRate(select: HTMLSelectElement) {
		const saveTo = select.dataset.saveTo;
		if (!saveTo) return;
		const body = new FormData();
		body.set('speechRate', select.value);
		fetch(saveTo, { method: 'POST', body, headers: { 'x-sveltekit-action': 'true' } }).catch(
			() => {}
		);
	}

	// Delegated, so the controls keep working when a page is drawn again in the browser.
	document.addEventListener('click', (event) => {
		const target = event.target instanceof Element ? event.target : null;
		if (target?.closest('[data-read-aloud]')) return toggle();
		if (reading && target?.closest('a[href]')) stop();
	});
	document.addEventListener('change', (event) => {
		const select = event.target;
		if (select instanceof HTMLSelectElement && select.matches('[data-read-aloud-rate]'))
			saveRate(select);
	});
	window.addEventListener('pagehide', stop);
	return { toggle, saveRate };
}

if (
	window.speechSynthesis &&
	typeof SpeechSynthesisUtterance === 'function' &&
	!window.hearthReadAloud
)
	window.hearthReadAloud = install(window.speechSynthesis);
