package draft

import (
	"slices"
	"testing"
)

// "yêu cầu X ...", "đề nghị X ...", "giao X ...": X is asked to act and
// leads the task, whether the plan, an agency or no one asks; where the
// words ask nothing of anyone, nothing is read from them.
func TestRequestedLead(t *testing.T) {
	d := &drafter{lx: newLexicon(testSite(), "", "")}
	tests := []struct {
		in             string
		lead, partners []string
	}{
		{"Kế hoạch cũng yêu cầu các sở, ban, ngành tỉnh và Ủy ban nhân dân các xã, phường, đặc khu xây dựng kế hoạch cụ thể của đơn vị, gửi về Sở Nội vụ trước ngày 31/7/2026.", []string{"departments"}, nil},
		{"Ủy ban nhân dân tỉnh yêu cầu Sở Y tế tổ chức khám sàng lọc cho người cao tuổi.", []string{"doh"}, nil},
		{"Đồng thời, Kế hoạch đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp giám sát việc thực hiện.", []string{"fatherland-front"}, nil},
		{"Kế hoạch giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tổng hợp kết quả thực hiện.", []string{"doha"}, []string{"dof"}},
		{"Yêu cầu các sở, ban, ngành liên quan báo cáo kết quả trước ngày 15/12 hằng năm.", []string{"departments"}, nil},
		{"Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền.", []string{"fatherland-front"}, nil},
		// The agency that asks leads what it does itself.
		{"Sở Tài chính tham mưu bố trí kinh phí, yêu cầu các sở, ban, ngành lập dự toán.", []string{"dof"}, nil},
		// A requirement met, a request followed: no one is asked.
		{"Tổ chức tập huấn đáp ứng yêu cầu các sở, ban, ngành về hội nhập quốc tế.", nil, nil},
		{"Báo cáo kết quả theo yêu cầu của Sở Nội vụ.", nil, nil},
		{"Kế hoạch yêu cầu cao về chất lượng sản phẩm.", nil, nil},
	}
	for _, tc := range tests {
		n := &node{text: tc.in}
		d.itemLead(n, tc.in)
		if !slices.Equal(n.lead, tc.lead) || !slices.Equal(n.partners, tc.partners) {
			t.Errorf("itemLead(%q): lead %q, partners %q; want %q, %q", tc.in, n.lead, n.partners, tc.lead, tc.partners)
		}
	}
}
