package resolve

import (
	"testing"

	"sitegen/internal/model"
)

func TestNamesAgency(t *testing.T) {
	a := &model.Agency{ID: "international-organisations", Name: model.Text{VI: "Các cơ quan, tổ chức quốc tế"}, Variants: []string{"các tổ chức quốc tế"}}
	own := &model.Plan{Province: &model.Province{Agencies: map[string]model.Text{"newspaper": {VI: "Báo Thanh Hóa"}}}}
	paper := &model.Agency{ID: "newspaper", Name: model.Text{VI: "Báo tỉnh, thành phố"}}
	for _, tc := range []struct {
		name string
		plan *model.Plan
		a    *model.Agency
		text string
		want bool
	}{
		{"name inside a sentence", &model.Plan{}, a, "Phối hợp với các cơ quan, tổ chức quốc tế, cơ quan đại diện", true},
		{"a spelling", &model.Plan{}, a, "cùng các tổ chức quốc tế", true},
		{"the province's own name", own, paper, "Báo Thanh Hóa; Đài Phát thanh", true},
		{"not named", &model.Plan{}, a, "Phối hợp với Bộ Ngoại giao", false},
		{"no text", &model.Plan{}, a, "", false},
	} {
		if got := namesAgency(tc.plan, tc.text, tc.a); got != tc.want {
			t.Errorf("%s: namesAgency = %v, want %v", tc.name, got, tc.want)
		}
	}
}
