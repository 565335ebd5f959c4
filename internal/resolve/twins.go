package resolve

import (
	"fmt"
	"slices"
	"strings"

	"sitegen/internal/model"
)

// twins warns where a body task and the appendix row that restates it
// disagree on a partner that one of them names in its own text: the
// document then names the partner, and the data of one twin has lost
// it (Thanh Hóa's row I.2 reads "Phối hợp với Ban Tuyên giáo" and its
// task III.1.2.b lists the Commission, the row once did not). A partner
// only one partner column gives is the document's choice and is left
// alone.
func (r *resolver) twins(p *model.Plan) {
	for _, row := range p.Items {
		task := row.RestatesItem
		if task == nil {
			continue
		}
		for _, a := range union(row.Partners, task.Partners) {
			inRow, inTask := assigned(row, a), assigned(task, a)
			if inRow == inTask {
				continue
			}
			lacking, having := row, task
			if inRow {
				lacking, having = task, row
			}
			var named []string
			for _, it := range []*model.Item{row, task} {
				if namesAgency(p, it.Text.VI, a) {
					named = append(named, fmt.Sprintf("%q", it.ID))
				}
			}
			// a note of the twin without it that names the agency says
			// why the document leaves it out there
			if len(named) == 0 || namesAgency(p, lacking.Note.VI, a) {
				continue
			}
			r.errs.Warnf(lacking.Pos, fmt.Sprintf("add %q to its `partners:` as %s:%d does, or say in a `note` why the document leaves it out", a.ID, having.Pos.File, having.Pos.Line),
				"item %q does not list partner %q, which its twin %q lists and the text of %s names", lacking.ID, a.ID, having.ID, strings.Join(named, " and "))
		}
	}
}

// assigned reports whether the item names a as a lead or a partner.
func assigned(it *model.Item, a *model.Agency) bool {
	return slices.Contains(it.Lead, a) || slices.Contains(it.Partners, a)
}

func union(a, b []*model.Agency) []*model.Agency {
	out := slices.Clone(a)
	for _, x := range b {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// namesAgency reports whether text names agency a, in any letter case:
// its name, one of its spellings, or the plan's province's own name for
// it ("Các cơ quan, tổ chức quốc tế" begins a list in one text and is
// in the middle of a sentence in another).
func namesAgency(p *model.Plan, text string, a *model.Agency) bool {
	if text == "" {
		return false
	}
	forms := append([]string{a.Name.VI}, a.Variants...)
	if p.Province != nil {
		if own, ok := p.Province.Agencies[a.ID]; ok {
			forms = append(forms, own.VI)
		}
	}
	text = strings.ToLower(text)
	for _, f := range forms {
		if f != "" && strings.Contains(text, strings.ToLower(f)) {
			return true
		}
	}
	return false
}
