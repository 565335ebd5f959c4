package opendata

import (
	"encoding/json"

	"sitegen/internal/model"
)

// columnDescriptions say what each column of items.csv holds, and for a
// text whose words it is: the document's (checked against its source)
// or the editors'. items.csv-metadata.json carries them, so that the
// table describes itself wherever it is copied to.
var columnDescriptions = map[string]string{
	"plan":                "The plan's id.",
	"item":                "The item's id, stable once published.",
	"label":               "The label the document prints (a, 2.1; •n is the n-th printed bullet); empty when it prints none.",
	"kind":                "The kind of item.",
	"pillar":              "The id of the pillar or group the item belongs to.",
	"themes":              "The ids of the item's themes (the editors' tags), separated by semicolons.",
	"lead":                "The ids of the lead agencies the item's page shows, separated by semicolons; lead_from says where they come from.",
	"partners":            "The ids of the partner agencies the item's page shows, separated by semicolons; partners_from says where they come from.",
	"timing":              "The kind of timing, then after a colon the document's words for it; timing_from says where it comes from.",
	"status":              "The implementation status; not-reported unless a dated update with evidence says otherwise.",
	"text_vi":             "The item's Vietnamese text: the document's words, verbatim.",
	"text_en":             "The English translation of text_vi (the editors' words).",
	"url_vi":              "The published path of the item's page in Vietnamese.",
	"url_en":              "The published path of the item's page in English.",
	"province":            "The id of the province the source names; empty when it names none.",
	"province_attributed": "For a plan whose source names no province: the province the editors attribute it to (the editors' attribution, not the source's words).",
	"document":            "The document's number; empty when the source does not state it.",
	"date":                "The document's date of issue (YYYY-MM-DD); empty when the source does not state it.",
	"source_file":         "The source text published with the plan.",
	"source_kind":         "official (the document itself) or news (a news report about it).",
	"source_url":          "The address the source text was taken from; empty when not known.",
	"source_retrieved":    "When the source text was taken (YYYY-MM-DD); empty when not known.",
	"source_extent":       "full-text, excerpt or news-summary; empty when not known.",
	"source_truncated":    "true when the stored text is cut off, false when it is not; empty when not known.",
	"title_vi":            "The editors' short heading of the item, in Vietnamese (the editors' words, never the document's).",
	"title_en":            "The editors' short heading of the item, in English.",
	"lead_from":           "Where lead comes from: item (the item itself), section L (a section that names it once for all its items), appendix L (the appendix row that restates the item) or body L (the body task an appendix row restates); L is the printed label.",
	"partners_from":       "Where partners comes from, as lead_from.",
	"timing_from":         "Where timing comes from, as lead_from.",
	"note_vi":             "The editors' note on the item, in Vietnamese (the editors' words): a correction or how the item was read.",
	"note_en":             "The editors' note on the item, in English.",
	"restates":            "For an appendix row: the id of the body task it restates.",
	"restated_by":         "For a body task: the ids of the appendix rows that restate it, separated by semicolons.",
	"related":             "The ids of related items of the same plan, separated by semicolons.",
	"agency_changes":      "What became of the lead and partner agencies since the plan was issued, each after the id of the agency it concerns: `dic: succeeded 2025-03-01 by dost, dcst`, separated by semicolons.",
	"source_copy":         "true when source_url is a copy kept by a third party (a legal database), not the original register or portal; empty when there is no address.",
	"by_when_vi":          "By when the item is due, as its page says it, in Vietnamese.",
	"by_when_en":          "By when the item is due, as its page says it, in English.",
	"by_when_basis":       "Where the by-when comes from: item, appendix (its appendix row), body (the task an appendix row restates), section, plan (the plan's period), framework (the programme's period) or none.",
	"schedule":            "Where the item stands on the as_of date: not-yet-due, in-progress, due, period-ended or undated.",
	"evidence_kind":       "The kind of evidence of the item's latest update: official-report or related-event; empty when there is no update.",
	"searched":            "The date up to which the editors searched for reports on the plan; empty when no search is recorded.",
	"as_of":               "The date the site's information is current to.",
}

// csvMetadata describes items.csv in the vocabulary of CSV on the Web
// (W3C, "Metadata Vocabulary for Tabular Data"): its columns and, when
// site.yaml names one, its licence. Programs that read tabular data look
// for it at the CSV's address followed by -metadata.json.
func csvMetadata(site *model.Site) ([]byte, error) {
	type column struct {
		Name        string `json:"name"`
		Titles      string `json:"titles"`
		Description string `json:"dc:description"`
	}
	type licenceRef struct {
		ID    string `json:"@id"`
		Title *Text  `json:"dc:title"`
	}
	doc := struct {
		Context string      `json:"@context"`
		URL     string      `json:"url"`
		Title   *Text       `json:"dc:title,omitempty"`
		Licence *licenceRef `json:"dc:license,omitempty"`
		Rights  string      `json:"dc:rights,omitempty"`
		Schema  struct {
			Columns    []column `json:"columns"`
			PrimaryKey []string `json:"primaryKey"`
		} `json:"tableSchema"`
	}{Context: "http://www.w3.org/ns/csvw", URL: "items.csv", Title: text(site.Title)}
	if l := licence(site); l != nil {
		doc.Licence = &licenceRef{ID: l.URL, Title: l.Name}
	} else {
		doc.Rights = "No licence is named here: the publisher of the site states the terms of reuse."
	}
	for _, c := range CSVColumns {
		doc.Schema.Columns = append(doc.Schema.Columns, column{Name: c, Titles: c, Description: columnDescriptions[c]})
	}
	doc.Schema.PrimaryKey = []string{"plan", "item"}
	b, err := json.Marshal(doc)
	return append(b, '\n'), err
}
