import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Officers write details in Markdown. It becomes HTML here, on the server, and only plain
 * formatting survives: no scripts, no event handlers, no styles, links only to http(s) and mailto.
 */
export function renderMarkdown(markdown: string): string {
	const html = marked.parse(markdown, { async: false, gfm: true, breaks: false });
	return sanitizeHtml(html, {
		allowedTags: [
			'p',
			'br',
			'strong',
			'em',
			'ul',
			'ol',
			'li',
			'a',
			'h3',
			'h4',
			'blockquote',
			'code'
		],
		allowedAttributes: { a: ['href'] },
		allowedSchemes: ['http', 'https', 'mailto', 'tel'],
		transformTags: {
			a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' })
		}
	});
}
