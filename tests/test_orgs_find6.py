"""The finder's sixth round: form titles, a level's name inside a bare run, a unit and its own
departments, a 各-list of levels before one organ, places supported to act, a 政协 paired with a bare
人大. Sentences in other provinces' styles than the dev files, each with a negative."""

from kg.extract.org_mentions import find_orgs


def found(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.name) for m in find_orgs(text)]


def names(text: str) -> list[str]:
    return [m.name for m in find_orgs(text)]


def test_a_form_title_ends_the_name_before_its_fields():
    # 江西 style: a form's title on its own line, the form's first field on the next
    text = "附件2\n\n　　省生态环境厅项目申报单\n申请部门（单位）：\n联系人："
    assert names(text) == ["省生态环境厅"]
    text = "　　市农业农村局信息员登记表\n填报单位\n分管领导情况"
    assert names(text) == ["市农业农村局"]


def test_a_name_broken_across_a_line_still_runs_on():
    # negative: no form word before the break, the name is one (a wrapped line)
    assert names("根据省工业和信息化\n厅的部署，") == ["省工业和信息化厅"]


def test_a_level_name_inside_a_bare_run_starts_the_name():
    # 河南 style: a count before the name, 保障 is the verb, 县委 the unit
    assert names("全年共保障县委、县政府召开的会议36场。") == ["县委", "县政府"]


def test_a_bare_name_whose_level_character_is_inside_a_word_stays_whole():
    # negative: 城市 is one word, 城市管理局 one name
    assert names("由城市管理局、财政局负责。") == ["城市管理局", "财政局"]


def test_a_unit_and_its_own_departments_are_two_mentions():
    # 河北 style
    assert found("张家口市人民政府及有关部门要加强监管。") == [
        ("张家口市人民政府", "张家口市人民政府"),
        ("有关部门", "张家口市有关部门"),
    ]
    assert found("由县财政局和相关部门负责。") == [("县财政局", "县财政局"), ("相关部门", "县相关部门")]


def test_a_name_with_he_inside_is_not_split_as_its_departments():
    # negative: 和 inside a department's name, no 有关/相关 after it
    assert names("住房和城乡建设局负责。") == ["住房和城乡建设局"]
    assert names("县人民政府和县人武部联合开展。") == ["县人民政府", "县人武部"]


def test_a_list_of_places_is_not_read_as_levels():
    # negative: 各 is not before the list, the places are names of their own
    text = "东胜区、康巴什区人民政府：\n　　现将有关事项通知如下："
    assert names(text) == ["东胜区人民政府", "康巴什区人民政府"]


def test_a_place_supported_to_act_is_its_government():
    # 安徽 style work report
    assert names("支持长丰县打造新能源汽车产业基地。") == ["长丰县"]
    assert names("鼓励肥西县争创国家级示范县。") == ["肥西县"]


def test_a_supported_place_before_other_words_is_no_organisation():
    # negatives: no verb of its own after the place; short names inside words
    assert names("支持长丰县的产业发展。") == []
    assert names("支持固安全面发展。") == []
    assert names("肥西县农村集体经营性建设用地入市试点。") == []


def test_a_cppcc_paired_with_a_bare_congress_is_bare():
    # 湖南 style: the publication's own congress and CPPCC
    assert names("向人大代表和政协委员，向各民主党派致以敬意。") == ["人大", "政协", "各民主党派"]


def test_a_bare_cppcc_is_unread_where_a_level_cppcc_is_printed():
    # negative: the text prints a level's 政协, a bare one is of no known level
    text = "办理县级人大建议和政协提案40件；交办人大代表和政协委员意见。"
    assert [n for n in names(text) if "政协" in n] == ["县政协"]
    assert names("积极参加政协委员视察。") == []


def test_a_group_of_the_whole_level_is_that_levels():
    # 湖南 style yearbook entry and sentence
    text = "【全县防汛抗旱指挥部会议】 6月2日，全县防汛抗旱指挥部要求各乡镇加强值守。"
    assert names(text) == ["县防汛抗旱指挥部", "县防汛抗旱指挥部", "各乡镇"]


def test_the_whole_level_before_other_words_is_no_group():
    # negatives: 全县上下, 全省…工作 name no group
    assert names("全县上下要加强领导。") == []
    assert names("全省安全生产工作会议召开。") == []


def test_a_name_ends_before_its_own_board():
    # 山东 style: the association's 理事会, the company's 监事会
    assert names("县残联理事会换届。") == ["县残联"]
    assert names("市商业银行股份有限公司监事会审议。") == ["市商业银行股份有限公司"]


def test_a_suffix_before_another_word_with_li_still_ends_no_name():
    # negative: 办理 after an office's 办 is the verb, no name ends at 办
    assert names("经市政务服务办理事项清单审核。") == []


def test_a_centre_glued_to_a_system_word_names_a_system():
    # 甘肃 style data rule: the platform, then the body that runs it
    assert names("申请人可以通过市大数据中心平台申请复核。") == []
    assert names("依托县政务服务中心系统办理。") == []


def test_a_centre_acting_is_a_body():
    # negative: no system word after the centre
    assert names("由市大数据中心牵头，市政务服务中心配合。") == ["市大数据中心", "市政务服务中心"]


def test_a_centre_named_with_a_scope_is_a_goal():
    # 广东/四川 style plans: the goal a city is to reach, not a body
    assert names("携手打造广州国际商贸中心、国际航运中心。") == []
    assert names("支持成都建设国际消费中心城市。") == []
    assert names("加快建设区域性金融中心。") == []


def test_a_centre_with_a_level_or_a_national_head_is_a_body():
    # negatives: 市 / 省 levels, the 中国 head
    assert names("由市国际交流合作中心牵头。") == ["市国际交流合作中心"]
    assert names("广州市国际交流中心负责接待。") == ["广州市国际交流中心"]
    assert names("中国国际经济交流中心发布报告。") == ["中国国际经济交流中心"]


def test_a_doc_number_glued_to_the_addressees_is_no_part_of_a_name():
    # 湖北 style page crawled with its lines joined: the 文号 runs into the 主送 line
    text = "（鄂咸政办发〔2023〕5号各乡镇人民政府、各街道办事处："
    assert names(text)[0] == "各乡镇人民政府"
    assert names("花山镇、梅园街道负责。") == ["花山镇", "梅园街道"]  # negative: bare names stay


def test_township_organs_glued_by_a_joined_page_are_several():
    # 江苏 style signature block crawled onto one line
    text = "。东亭街道办事处硕放街道办事处鸿山镇人民政府 2023年5月6日"
    assert names(text) == ["东亭街道办事处", "硕放街道办事处", "鸿山镇人民政府"]


def test_a_township_organ_with_its_own_office_is_one_name():
    # negative: the office of the township's government, one name
    assert names("城关镇人民政府乡村振兴办公室负责。") == ["城关镇人民政府乡村振兴办公室"]
