/// Province-level names and large cities, which texts often write without `省`/`市` (`广东`, `昆明`).
///
/// General knowledge of China's divisions, not names taken from any corpus: every province, the
/// municipalities and autonomous regions, provincial capitals and other sub-provincial cities.
enum Gazetteer {
    static let names: [String] = [
        "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
        "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古",
        "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
        "石家庄", "太原", "沈阳", "长春", "哈尔滨", "南京", "杭州", "合肥", "福州", "南昌", "济南", "郑州", "武汉", "长沙",
        "广州", "海口", "成都", "贵阳", "昆明", "西安", "兰州", "西宁", "呼和浩特", "南宁", "拉萨", "银川", "乌鲁木齐",
        "大连", "青岛", "宁波", "厦门", "深圳", "苏州", "无锡", "佛山", "东莞", "温州", "珠海", "常州", "徐州", "烟台",
        "泉州", "洛阳", "唐山", "保定", "绍兴", "嘉兴", "台州", "金华", "扬州", "南通", "惠州", "中山", "柳州", "桂林",
        "三亚", "遵义", "绵阳", "宜昌", "襄阳", "岳阳", "株洲", "湘潭", "赣州", "九江", "芜湖", "蚌埠", "淄博", "潍坊",
        "临沂", "济宁", "威海", "邯郸", "秦皇岛", "包头", "鄂尔多斯", "大庆", "吉林", "鞍山", "抚顺",
    ]

    static let set: Set<[Unicode.Scalar]> = Set(names.map(\.scalars))

    static func contains(_ name: [Unicode.Scalar]) -> Bool { set.contains(name) }

    /// Names by first scalar, longest first.
    static let byFirst = ScalarMap(words: Array(set))
}
