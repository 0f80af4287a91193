// Never download a browser during `npm install`: the browser is found at run time
// (see src/print/browser), so installs work offline and on machines without Chrome.
module.exports = { skipDownload: true };
