// Package layout has no code of its own: its test checks that the imports
// between the project's packages point the way the README's "Layout" says.
package layout
