// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
