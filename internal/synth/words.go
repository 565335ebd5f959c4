package synth

// The word and phrase lists synthetic plans are built from. Every
// Vietnamese phrase is paired with its English rendering, so that an
// item's English text is a translation of its Vietnamese text and of
// about the same length. Agency and theme ids are those of the real
// content/agencies.yaml and themes.yaml; ids that the registries read
// at run time do not define are skipped.

// pair is a phrase in both languages. In phrases, {tỉnh}, {province}
// and {Provincial} stand for the words of the plan's province: tỉnh,
// province and Provincial, or thành phố, city and City.
type pair struct{ vi, en string }

// topic is the object of a task: what it is about, which themes it
// carries and which agencies usually lead it.
type topic struct {
	title    pair // a short heading, used for groups of tasks
	object   pair // the noun phrase a task acts on
	themes   []string
	agencies []string
}

// pillarIDs are the five pillars of the ASCC Blueprint 2025, in the
// order plans present them.
var pillarIDs = []string{"people", "inclusive", "sustainable", "resilient", "dynamic"}

// Group ids of the framework used by the non-pillar parts of a plan.
const (
	groupObjectives   = "objectives"
	groupOrganisation = "organisation"
)

// topics lists the topics of each pillar.
var topics = map[string][]topic{
	"people": {
		{pair{"Thông tin, tuyên truyền", "Information and communication"},
			pair{"công tác thông tin, tuyên truyền về Cộng đồng Văn hóa - Xã hội ASEAN và các cam kết của Việt Nam", "information and communication on the ASEAN Socio-Cultural Community and Viet Nam's commitments"},
			[]string{"awareness"}, []string{"dic", "propaganda-board", "radio-tv", "newspaper"}},
		{pair{"Sự tham gia của người dân", "Participation of the people"},
			pair{"sự tham gia của người dân trong quá trình xây dựng, thực hiện, giám sát và đánh giá chính sách", "the participation of the people in developing, implementing, monitoring and evaluating policies"},
			[]string{"administrative-reform", "awareness"}, []string{"doha", "fatherland-front"}},
		{pair{"Cải cách hành chính", "Administrative reform"},
			pair{"công tác cải cách hành chính, đơn giản hóa thủ tục hành chính", "administrative reform and the simplification of administrative procedures"},
			[]string{"administrative-reform"}, []string{"doha", "ppc-office"}},
		{pair{"Dịch vụ công trực tuyến", "Online public services"},
			pair{"hệ thống dịch vụ công trực tuyến mức độ 3, mức độ 4 phục vụ người dân và doanh nghiệp", "the level 3 and level 4 online public service system serving people and businesses"},
			[]string{"digital-government", "administrative-reform"}, []string{"dic", "dost", "ppc-office"}},
		{pair{"Phổ biến, giáo dục pháp luật", "Legal dissemination and education"},
			pair{"công tác phổ biến, giáo dục pháp luật và trợ giúp pháp lý cho người dân", "legal dissemination and education and legal aid for the people"},
			[]string{"awareness"}, []string{"doha", "police", "mass-organisations"}},
		{pair{"Thanh niên", "Youth"},
			pair{"các phong trào thanh niên tình nguyện, giao lưu thanh niên các nước ASEAN", "youth volunteer movements and exchanges among young people of ASEAN countries"},
			[]string{"international-cooperation", "awareness"}, []string{"youth-union"}},
		{pair{"Đời sống văn hóa cơ sở", "Grassroots cultural life"},
			pair{"phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” ở khu dân cư", "the movement “All people unite to build a cultural life” in residential areas"},
			[]string{"culture-tourism"}, []string{"dcst", "fatherland-front"}},
		{pair{"Thông tin cơ sở", "Grassroots information"},
			pair{"hệ thống thông tin cơ sở, đài truyền thanh xã, phường, thị trấn", "the grassroots information system and the radio stations of communes, wards and towns"},
			[]string{"awareness", "digital-government"}, []string{"dic", "radio-tv", "press"}},
	},
	"inclusive": {
		{pair{"Giảm nghèo", "Poverty reduction"},
			pair{"công tác giảm nghèo đa chiều, bao trùm và bền vững", "multidimensional, inclusive and sustainable poverty reduction"},
			[]string{"poverty-reduction"}, []string{"dolisa", "dard", "dae"}},
		{pair{"Trợ giúp xã hội", "Social assistance"},
			pair{"chính sách trợ giúp xã hội đối với người cao tuổi, người khuyết tật và trẻ em có hoàn cảnh đặc biệt", "social assistance policies for older people, people with disabilities and children in special circumstances"},
			[]string{"social-protection", "vulnerable-groups", "children"}, []string{"dolisa", "doh"}},
		{pair{"Bình đẳng giới", "Gender equality"},
			pair{"công tác bình đẳng giới và vì sự tiến bộ của phụ nữ", "gender equality and the advancement of women"},
			[]string{"gender-equality"}, []string{"dolisa", "doha", "mass-organisations"}},
		{pair{"Chăm sóc sức khỏe", "Health care"},
			pair{"chăm sóc sức khỏe ban đầu và bảo hiểm y tế toàn dân", "primary health care and universal health insurance"},
			[]string{"health", "social-protection"}, []string{"doh"}},
		{pair{"Giáo dục", "Education"},
			pair{"phổ cập giáo dục, xóa mù chữ và xây dựng xã hội học tập", "universal education, literacy and building a learning society"},
			[]string{"education-training"}, []string{"doet"}},
		{pair{"Đồng bào dân tộc thiểu số", "Ethnic minorities"},
			pair{"chính sách dân tộc, hỗ trợ sinh kế cho đồng bào dân tộc thiểu số ở vùng sâu, vùng xa", "ethnic policies and livelihood support for ethnic minority people in remote areas"},
			[]string{"ethnic-minorities", "poverty-reduction"}, []string{"ethnic-committee"}},
		{pair{"Việc làm", "Employment"},
			pair{"giải quyết việc làm, đào tạo nghề cho lao động nông thôn", "job creation and vocational training for rural workers"},
			[]string{"employment", "education-training"}, []string{"dolisa", "doet"}},
		{pair{"Người có công", "People with meritorious services"},
			pair{"chính sách ưu đãi đối với người có công với cách mạng", "preferential policies for people with meritorious services to the revolution"},
			[]string{"social-protection"}, []string{"dolisa"}},
	},
	"sustainable": {
		{pair{"Bảo vệ môi trường", "Environmental protection"},
			pair{"công tác bảo vệ môi trường, kiểm soát ô nhiễm tại các khu công nghiệp, làng nghề", "environmental protection and pollution control in industrial zones and craft villages"},
			[]string{"environment"}, []string{"donre", "dae"}},
		{pair{"Chất thải rắn", "Solid waste"},
			pair{"việc thu gom, phân loại và xử lý chất thải rắn sinh hoạt tại nguồn", "the collection, sorting at source and treatment of household solid waste"},
			[]string{"environment"}, []string{"donre", "district-committees"}},
		{pair{"Tài nguyên nước và nước sạch", "Water resources and clean water"},
			pair{"việc quản lý, khai thác và sử dụng hợp lý tài nguyên nước, cung cấp nước sạch cho người dân nông thôn", "the management, exploitation and sound use of water resources and the supply of clean water to rural people"},
			[]string{"environment"}, []string{"dard", "donre"}},
		{pair{"Di sản văn hóa", "Cultural heritage"},
			pair{"việc bảo tồn và phát huy giá trị di sản văn hóa vật thể và phi vật thể", "the preservation and promotion of the values of tangible and intangible cultural heritage"},
			[]string{"culture-tourism"}, []string{"dcst"}},
		{pair{"Đô thị xanh và nông thôn mới", "Green cities and new rural areas"},
			pair{"việc phát triển đô thị xanh, sạch, đẹp và nông thôn mới kiểu mẫu", "the development of green, clean and beautiful cities and model new rural areas"},
			[]string{"environment"}, []string{"dard", "district-committees"}},
		{pair{"Năng lượng", "Energy"},
			pair{"việc sử dụng năng lượng tiết kiệm và hiệu quả, phát triển năng lượng tái tạo", "the economical and efficient use of energy and the development of renewable energy"},
			[]string{"environment", "science-technology"}, []string{"doit"}},
		{pair{"Sản xuất và tiêu dùng bền vững", "Sustainable production and consumption"},
			pair{"sản xuất và tiêu dùng bền vững, hạn chế sử dụng túi ni lông khó phân hủy", "sustainable production and consumption and limiting the use of non-biodegradable plastic bags"},
			[]string{"environment", "awareness"}, []string{"doit", "donre"}},
		{pair{"Nông nghiệp bền vững", "Sustainable agriculture"},
			pair{"nông nghiệp ứng dụng công nghệ cao, nông nghiệp hữu cơ thích ứng với biến đổi khí hậu", "high-tech and organic agriculture adapted to climate change"},
			[]string{"science-technology", "climate-disasters"}, []string{"dard", "dae"}},
	},
	"resilient": {
		{pair{"Phòng, chống thiên tai", "Disaster prevention"},
			pair{"công tác phòng, chống thiên tai, tìm kiếm cứu nạn và quản lý rủi ro thiên tai dựa vào cộng đồng", "disaster prevention, search and rescue and community-based disaster risk management"},
			[]string{"climate-disasters"}, []string{"dard", "police"}},
		{pair{"Biến đổi khí hậu", "Climate change"},
			pair{"các giải pháp thích ứng với biến đổi khí hậu và nước biển dâng", "solutions for adapting to climate change and sea level rise"},
			[]string{"climate-disasters", "environment"}, []string{"donre", "dae"}},
		{pair{"Phòng, chống tệ nạn xã hội", "Prevention of social evils"},
			pair{"công tác phòng, chống ma túy, mại dâm và mua bán người", "the prevention of drugs, prostitution and human trafficking"},
			[]string{"drug-prevention"}, []string{"police", "dolisa"}},
		{pair{"Y tế dự phòng", "Preventive health"},
			pair{"năng lực y tế dự phòng, giám sát và phòng, chống dịch bệnh truyền nhiễm", "preventive health capacity and the surveillance and prevention of communicable diseases"},
			[]string{"health"}, []string{"doh"}},
		{pair{"An sinh xã hội", "Social security"},
			pair{"mạng lưới an sinh xã hội, mở rộng diện bao phủ bảo hiểm xã hội, bảo hiểm thất nghiệp", "the social security net and wider coverage of social and unemployment insurance"},
			[]string{"social-protection", "employment"}, []string{"dolisa"}},
		{pair{"Bảo vệ trẻ em", "Child protection"},
			pair{"công tác bảo vệ, chăm sóc trẻ em, phòng, chống tai nạn thương tích và đuối nước ở trẻ em", "the protection and care of children and the prevention of injuries and drowning among children"},
			[]string{"children"}, []string{"dolisa", "doet"}},
		{pair{"An ninh, trật tự", "Security and order"},
			pair{"việc bảo đảm an ninh chính trị, trật tự an toàn xã hội ở cơ sở", "ensuring political security, social order and safety at the grassroots"},
			[]string{"drug-prevention"}, []string{"police"}},
		{pair{"An toàn thực phẩm", "Food safety"},
			pair{"việc bảo đảm an toàn vệ sinh thực phẩm, phòng, chống ngộ độc thực phẩm", "food safety and hygiene and the prevention of food poisoning"},
			[]string{"health"}, []string{"doh", "doit", "dard"}},
	},
	"dynamic": {
		{pair{"Hợp tác quốc tế", "International cooperation"},
			pair{"hợp tác quốc tế với các địa phương của các nước ASEAN trong các lĩnh vực văn hóa - xã hội", "international cooperation with localities of ASEAN countries in the socio-cultural fields"},
			[]string{"international-cooperation"}, []string{"dofa", "friendship-union"}},
		{pair{"Chuyển đổi số", "Digital transformation"},
			pair{"chuyển đổi số, xây dựng chính quyền số, kinh tế số và xã hội số", "digital transformation and building digital government, a digital economy and a digital society"},
			[]string{"digital-government"}, []string{"dic", "dost"}},
		{pair{"Khởi nghiệp đổi mới sáng tạo", "Innovative start-ups"},
			pair{"hệ sinh thái khởi nghiệp đổi mới sáng tạo, hỗ trợ doanh nghiệp nhỏ và vừa", "the innovative start-up ecosystem and support for small and medium-sized enterprises"},
			[]string{"science-technology", "employment"}, []string{"dost", "dpi"}},
		{pair{"Du lịch", "Tourism"},
			pair{"công tác xúc tiến, quảng bá du lịch và giao lưu văn hóa, thể thao với các nước ASEAN", "tourism promotion and cultural and sports exchanges with ASEAN countries"},
			[]string{"culture-tourism", "international-cooperation"}, []string{"dcst", "tourism", "tourism-association"}},
		{pair{"Ngoại ngữ và kiến thức hội nhập", "Foreign languages and integration"},
			pair{"việc dạy và học ngoại ngữ, bồi dưỡng kiến thức hội nhập quốc tế cho cán bộ, công chức, viên chức", "foreign language teaching and learning and training on international integration for cadres, civil servants and public employees"},
			[]string{"education-training", "international-cooperation"}, []string{"doet", "doha", "dofa"}},
		{pair{"Nhân lực chất lượng cao", "High-quality human resources"},
			pair{"việc đào tạo nguồn nhân lực chất lượng cao đáp ứng yêu cầu hội nhập", "training high-quality human resources to meet the needs of integration"},
			[]string{"education-training", "employment"}, []string{"doet", "dolisa", "hr-centre"}},
		{pair{"Khoa học và công nghệ", "Science and technology"},
			pair{"việc nghiên cứu, ứng dụng và chuyển giao tiến bộ khoa học và công nghệ", "the research, application and transfer of scientific and technological advances"},
			[]string{"science-technology"}, []string{"dost", "usta"}},
		{pair{"Đầu tư và thương mại", "Investment and trade"},
			pair{"công tác xúc tiến đầu tư, thương mại và kết nối thị trường với các nước ASEAN", "investment and trade promotion and market connections with ASEAN countries"},
			[]string{"international-cooperation"}, []string{"dpi", "doit"}},
	},
}

// Openers begin an item's text; each kind of item has its own.
var (
	taskOpeners = []pair{
		{"Tổ chức triển khai", "Organise the implementation of"},
		{"Tăng cường", "Strengthen"},
		{"Đẩy mạnh", "Step up"},
		{"Tiếp tục thực hiện có hiệu quả", "Continue to effectively implement"},
		{"Nâng cao chất lượng", "Improve the quality of"},
		{"Rà soát, hoàn thiện cơ chế, chính sách về", "Review and complete the mechanisms and policies on"},
		{"Xây dựng và nhân rộng các mô hình về", "Develop and replicate models of"},
		{"Phối hợp tổ chức các hoạt động về", "Coordinate the organisation of activities on"},
		{"Nghiên cứu, đề xuất giải pháp nâng cao hiệu quả", "Study and propose solutions to improve the effectiveness of"},
		{"Tập trung chỉ đạo thực hiện", "Focus on directing the implementation of"},
		{"Huy động các nguồn lực cho", "Mobilise resources for"},
	}
	generalOpeners = []pair{
		{"Tiếp tục quan tâm, chỉ đạo", "Continue to pay attention to and direct"},
		{"Từng bước hoàn thiện", "Gradually complete"},
		{"Nâng cao nhận thức, trách nhiệm của các cấp, các ngành về", "Raise the awareness and responsibility of all levels and sectors for"},
		{"Tăng cường sự phối hợp giữa các cấp, các ngành trong", "Strengthen coordination among levels and sectors in"},
	}
	purposeOpeners = []pair{
		{"Quán triệt, triển khai thực hiện hiệu quả", "Thoroughly disseminate and effectively implement"},
		{"Góp phần nâng cao hiệu quả", "Contribute to improving the effectiveness of"},
		{"Phát huy vai trò chủ động của {tỉnh} trong", "Promote the proactive role of the {province} in"},
		{"Tạo sự đồng thuận của xã hội trong", "Build social consensus on"},
	}
	requirementOpeners = []pair{
		{"Bảo đảm sự phối hợp chặt chẽ giữa các cơ quan, đơn vị trong", "Ensure close coordination among agencies and units in"},
		{"Xác định rõ trách nhiệm của cơ quan chủ trì, cơ quan phối hợp trong", "Clearly define the responsibilities of lead and partner agencies in"},
		{"Bám sát chủ trương của Đảng, chính sách, pháp luật của Nhà nước về", "Closely follow the Party's guidelines and the State's policies and laws on"},
	}
	objectiveOpeners = []pair{
		{"Phấn đấu nâng cao hiệu quả", "Strive to improve the effectiveness of"},
		{"Tăng cường sự tham gia của toàn dân vào", "Increase the participation of all the people in"},
		{"Cơ bản hoàn thành các mục tiêu về", "Basically achieve the goals on"},
	}
	dutyOpeners = []pair{
		{"Chủ trì, phối hợp với các cơ quan, đơn vị liên quan hướng dẫn, tổ chức thực hiện", "Lead and coordinate with relevant agencies and units in guiding and organising"},
		{"Tham mưu Ủy ban nhân dân {tỉnh} chỉ đạo, triển khai", "Advise the {Provincial} People's Committee on directing and carrying out"},
		{"Theo chức năng, nhiệm vụ được giao, chủ động triển khai", "Within its assigned functions and duties, proactively carry out"},
		{"Xây dựng kế hoạch hằng năm để triển khai", "Develop annual plans to carry out"},
		{"Hướng dẫn, đôn đốc, kiểm tra việc thực hiện", "Guide, urge and inspect the implementation of"},
	}
)

// qualifiers say where or for whom.
var qualifiers = []pair{
	{"trên địa bàn {tỉnh}", "in the {province}"},
	{"cho cán bộ, công chức, viên chức và người lao động", "for cadres, civil servants, public employees and workers"},
	{"ở vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số", "in remote areas and ethnic minority areas"},
	{"tại các xã, phường, thị trấn", "in communes, wards and towns"},
	{"trong các cơ quan, đơn vị, trường học và doanh nghiệp", "in agencies, units, schools and businesses"},
	{"giai đoạn 2021-2025", "in 2021-2025"},
	{"theo hướng thiết thực, hiệu quả", "in a practical and effective way"},
	{"ở cấp {tỉnh} và cấp cơ sở", "at the {province} and grassroots levels"},
}

// purposes say why.
var purposes = []pair{
	{"nhằm nâng cao nhận thức của các tầng lớp nhân dân về Cộng đồng ASEAN", "in order to raise the awareness of all strata of the people of the ASEAN Community"},
	{"góp phần thực hiện thắng lợi các mục tiêu phát triển kinh tế - xã hội của {tỉnh}", "contributing to the successful achievement of the {province}'s socio-economic development goals"},
	{"bảo đảm không để ai bị bỏ lại phía sau", "ensuring that no one is left behind"},
	{"hướng tới xây dựng một cộng đồng ASEAN lấy người dân làm trung tâm", "towards building a people-centred ASEAN community"},
	{"nhằm nâng cao chất lượng cuộc sống của người dân", "in order to improve the quality of life of the people"},
	{"đáp ứng yêu cầu hội nhập quốc tế trong giai đoạn mới", "meeting the requirements of international integration in the new period"},
	{"phù hợp với điều kiện thực tế của địa phương", "in line with the actual conditions of the locality"},
	{"tạo sự chuyển biến rõ nét về nhận thức và hành động", "bringing about a clear change in awareness and action"},
}

// method is a further clause of how, with the themes it adds.
type method struct {
	text   pair
	themes []string
}

var methods = []method{
	{pair{"lồng ghép với các chương trình mục tiêu quốc gia và các chương trình, đề án có liên quan", "integrating it with the national target programmes and related programmes and schemes"}, nil},
	{pair{"đa dạng hóa hình thức tuyên truyền trên các phương tiện thông tin đại chúng và mạng xã hội", "diversifying forms of communication in the mass media and on social networks"}, []string{"awareness"}},
	{pair{"huy động sự tham gia của các tổ chức, doanh nghiệp và cộng đồng dân cư", "mobilising the participation of organisations, businesses and residential communities"}, nil},
	{pair{"định kỳ sơ kết, tổng kết, đánh giá kết quả thực hiện", "regularly reviewing, summing up and evaluating the results"}, []string{"monitoring"}},
	{pair{"ưu tiên các đối tượng yếu thế, hộ nghèo, hộ cận nghèo", "giving priority to vulnerable groups and poor and near-poor households"}, []string{"vulnerable-groups", "poverty-reduction"}},
	{pair{"tăng cường ứng dụng công nghệ thông tin trong quản lý, điều hành", "making more use of information technology in management and administration"}, []string{"digital-government"}},
	{pair{"nhân rộng các mô hình, điển hình tiên tiến", "replicating good models and outstanding examples"}, nil},
	{pair{"học tập, trao đổi kinh nghiệm với các địa phương trong và ngoài nước", "learning and exchanging experience with localities at home and abroad"}, []string{"international-cooperation"}},
	{pair{"bố trí kinh phí phù hợp từ ngân sách nhà nước và các nguồn huy động hợp pháp khác", "allocating appropriate funding from the state budget and other lawful sources"}, nil},
	{pair{"kiểm tra, giám sát việc thực hiện, kịp thời tháo gỡ khó khăn, vướng mắc", "inspecting and supervising implementation and promptly removing difficulties and obstacles"}, []string{"monitoring"}},
	{pair{"nâng cao năng lực cho đội ngũ cán bộ làm công tác chuyên môn", "building the capacity of the staff doing the specialised work"}, nil},
	{pair{"bảo đảm công khai, minh bạch và đúng quy định", "ensuring openness, transparency and compliance with regulations"}, []string{"administrative-reform"}},
}

// pillarLeads are the agencies that usually lead a pillar as a whole.
var pillarLeads = map[string][]string{
	"people":      {"doha", "dic", "dcst"},
	"inclusive":   {"dolisa", "doh", "doet"},
	"sustainable": {"donre", "dard", "dae"},
	"resilient":   {"dolisa", "police", "doh"},
	"dynamic":     {"dofa", "dpi", "dost"},
}

// partnerPool are the agencies named as partners besides a topic's own.
var partnerPool = []string{"dof", "dpi", "departments", "district-committees", "mass-organisations",
	"relevant-units", "press", "fatherland-front", "youth-union", "doha", "dic"}

// dutyAgencies are the agencies that get duties of their own in the
// organisation section, after the standing agency.
var dutyAgencies = []string{"dof", "dpi", "doha", "dic", "dcst", "doh", "doet", "dofa", "donre",
	"dard", "police", "ethnic-committee", "fatherland-front", "youth-union", "radio-tv", "newspaper"}

// collectiveDuty is the catch-all addressee of the last duties.
const collectiveDuty = "district-committees"

// fundingTexts are the funding provisions.
var fundingTexts = []pair{
	{"Kinh phí thực hiện Kế hoạch được bố trí trong dự toán chi ngân sách nhà nước hằng năm của các cơ quan, đơn vị và địa phương theo phân cấp quản lý ngân sách nhà nước hiện hành",
		"Funding for the Plan is allocated in the annual state budget expenditure estimates of agencies, units and localities in accordance with the current decentralisation of state budget management"},
	{"lồng ghép từ nguồn kinh phí thực hiện các chương trình mục tiêu quốc gia, các chương trình, dự án, đề án có liên quan",
		"and integrated from the funding of the national target programmes and related programmes, projects and schemes"},
	{"và các nguồn tài trợ, huy động hợp pháp khác theo quy định của pháp luật",
		"and other lawful donations and mobilised sources in accordance with the law"},
}

// Syllables of synthetic province names. Within each list no two
// syllables fold to the same ASCII, so every name has its own id.
var (
	provinceFirst = []string{"An", "Bắc", "Bình", "Cao", "Đắk", "Điện", "Đông", "Gia", "Hà", "Hải",
		"Hòa", "Hưng", "Kiên", "Khánh", "Kon", "Lai", "Lạng", "Lâm", "Long", "Nam",
		"Ninh", "Phú", "Quảng", "Sơn", "Sóc", "Tây", "Thái", "Thanh", "Thừa", "Tiền",
		"Trà", "Tuyên", "Vĩnh", "Yên", "Bảo", "Cẩm", "Bến", "Kỳ", "Mỹ", "Tân"}
	provinceSecond = []string{"Giang", "Ninh", "Định", "Thuận", "Nguyên", "Phước", "Trị", "Ngãi", "Xuyên", "Vinh",
		"Điền", "Lạc", "Lộc", "Hòa", "Châu", "Bình", "Thành", "Tháp", "Khê", "Lương",
		"Phong", "Sơn", "Tường", "Trung", "Hưng", "Lâm", "Đức", "Mỹ", "Hải", "Yên"}
)

// Names of signers.
var (
	familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	middleNames = []string{"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Hồng"}
	givenNames  = []string{"An", "Bình", "Cường", "Dũng", "Hùng", "Hải", "Hà", "Lan", "Long", "Nam", "Phong", "Quang", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Việt", "Yến"}
)

// letters are the Vietnamese letters that label points a), b), ... of a
// document, in order; "đ" gives the id "dd".
var letters = []string{"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"}

var romans = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}
