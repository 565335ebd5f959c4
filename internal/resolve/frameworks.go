package resolve

import (
	"fmt"

	"sitegen/internal/model"
)

// frameworkSources checks that every fact a programme's page states
// cites a source, and resolves the plans whose texts show a source.
// What the content says about a programme comes from outside the plans'
// documents, so a reader must be able to see where each line comes from.
func (r *resolver) frameworkSources() {
	for _, f := range r.site.Frameworks {
		ctx := fmt.Sprintf("framework %q", f.ID)
		for _, c := range f.Sources {
			if c.PlanID == "" {
				continue
			}
			if p, ok := r.plans[c.PlanID]; ok {
				c.Plan = p
			} else {
				// the source stands without the link to the plan's text
				r.errs.Warnf(c.Pos, "remove `plan:` if the plan is gone, or correct the plan's id",
					"%s: source %q: plan %q is not published here, so the page does not link to its text", ctx, c.ID, c.PlanID)
			}
		}
		for _, line := range shownLines(f) {
			if len(f.Cites[line]) == 0 {
				pos := f.CitesPos
				if pos.File == "" {
					pos = f.Pos
				}
				r.errs.Errorf(pos, fmt.Sprintf("add `%s: [SOURCE-ID]` under `cite:`, naming one of the framework's `sources:`; leave out what no source verifies", line),
					"%s: the page's line %q cites no source", ctx, line)
			}
		}
	}
}

// shownLines lists the lines of f's page that state a fact: those whose
// data is given.
func shownLines(f *model.Framework) []string {
	shown := map[string]bool{
		"name":         true,
		"title":        !f.Title.IsZero(),
		"decision":     f.Decision.Number != "",
		"instrument":   !f.Instrument.IsZero(),
		"period":       f.PeriodTo != 0,
		"proposed-by":  !f.ProposedBy.IsZero(),
		"coordinator":  !f.Coordinator.IsZero(),
		"status":       f.Status != "",
		"note":         !f.Note.IsZero(),
		"plans-issued": f.PlansIssued != nil,
		"pillars":      len(f.Pillars) > 0,
	}
	var out []string
	for _, l := range model.FrameworkLines {
		if shown[l] {
			out = append(out, l)
		}
	}
	return out
}
