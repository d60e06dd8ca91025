package views

import (
	"context"
	"io"
	"strings"

	"github.com/a-h/templ"
	"github.com/yuin/goldmark"
)

// Markdown renders staff-written Markdown. goldmark without its Unsafe
// option drops raw HTML, so a text can never inject script or markup.
// Headings are shifted one level down (## becomes h3) so that a text never
// competes with the page's own h1 and h2.
func Markdown(s string) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		return goldmark.Convert([]byte(shiftHeadings(s)), w)
	})
}

func shiftHeadings(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "#") {
			lines[i] = "#" + l
		}
	}
	return strings.Join(lines, "\n")
}
