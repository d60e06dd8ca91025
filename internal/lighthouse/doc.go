// Package lighthouse holds only a test: Lighthouse (npm, with Debian's
// Chromium) measures the public pages of the demo catalogue as a phone
// would. `make test` runs it alone after the other packages, so that their
// work does not slow the pages it times; `make lighthouse` runs only it.
package lighthouse
