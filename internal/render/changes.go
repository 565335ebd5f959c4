package render

import "sitegen/internal/model"

// Change is an administrative change of a province or an agency type,
// as a page says it: when, what (its kind names it), to or from whom,
// on what basis, and where it was read.
type change struct {
	Kind      model.ChangeKind
	Date      model.Date
	Provinces []*model.Province // merged into, absorbed
	Agencies  []*model.Agency   // succeeded by
	NewName   model.Text        // renamed, upgraded
	Basis     model.Text
	SourceURL string
	Note      model.Text
}

// ProvinceChanges lists the administrative changes of province p.
func (v *page) ProvinceChanges(p *model.Province) []change {
	var out []change
	for _, c := range p.Changes {
		ch := change{Kind: c.Kind, Date: c.Date, NewName: c.NewName, Basis: c.Basis, SourceURL: c.SourceURL, Note: c.Note}
		if c.MergedIntoProvince != nil {
			ch.Provinces = []*model.Province{c.MergedIntoProvince}
		}
		ch.Provinces = append(ch.Provinces, c.AbsorbedProvinces...)
		out = append(out, ch)
	}
	return out
}

// AgencyChanges lists the changes of agency type a: duties moved to
// others, or the agency abolished.
func (v *page) AgencyChanges(a *model.Agency) []change {
	var out []change
	for _, c := range a.Changes() {
		out = append(out, change{Kind: c.Kind, Date: c.Date, Agencies: c.Successors, Basis: c.Basis, SourceURL: c.SourceURL, Note: c.Note})
	}
	return out
}

// ChangedAgencies keeps, among the agencies an item names, those whose
// duties have moved or that no longer exist, each once, so that a reader
// of an old plan learns who is responsible now.
func (v *page) ChangedAgencies(it *model.Item) []*model.Agency {
	var out []*model.Agency
	seen := map[*model.Agency]bool{}
	for _, a := range append(append([]*model.Agency(nil), it.Lead...), it.Partners...) {
		if !seen[a] && (a.Successor != nil || a.Abolished != nil) {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}

// CiteRef is a reference from a line of a programme's page to one of
// its sources, numbered as the page lists them.
type citeRef struct {
	N  int
	ID string
}

// Cites lists the sources a line of framework f's page rests on
// (model.FrameworkLines), numbered in the order of f's sources.
func (v *page) Cites(f *model.Framework, line string) []citeRef {
	var out []citeRef
	for _, r := range f.Cites[line] {
		for i, c := range f.Sources {
			if c.ID == r.ID {
				out = append(out, citeRef{N: i + 1, ID: c.ID})
			}
		}
	}
	return out
}
