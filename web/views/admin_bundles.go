package views

// CourseCheck is one course to tick in a form.
type CourseCheck struct {
	ID      int64
	Label   string
	Checked bool
}

// CourseChecksProps are a fieldset of courses to tick (the courses of a
// bundle offer).
type CourseChecksProps struct {
	ID     string // the fieldset's id, the target of the error summary's link
	Name   string
	Legend string
	Hint   string
	Error  string
	Items  []CourseCheck
}

// BundleSavingProps show what an offer saves: the courses' list prices
// together, the offer's price and the difference.
type BundleSavingProps struct {
	SumOre, PriceOre int64
}
