/** Demo 地域 (地域活動協議会 areas) per ward, for the seed. Names follow real school districts where known; figures are approximate. */
export interface AreaSeed {
  name: string; // e.g. "菅北"
  reading: string; // e.g. "すがきた"
  nameEn: string; // e.g. "Sugakita"
  population: number;
}

export const areaSeeds: Readonly<Record<string, readonly AreaSeed[]>> = {
  // 北区 (Kita), population 130,303
  "27127": [
    { name: "菅北", reading: "すがきた", nameEn: "Sugakita", population: 23223 },
    { name: "堀川", reading: "ほりかわ", nameEn: "Horikawa", population: 20642 },
    { name: "西天満", reading: "にしてんま", nameEn: "Nishitenma", population: 18062 },
    { name: "豊崎", reading: "とよさき", nameEn: "Toyosaki", population: 23222 },
    { name: "中津", reading: "なかつ", nameEn: "Nakatsu", population: 21932 },
    { name: "大淀東", reading: "おおよどひがし", nameEn: "Oyodohigashi", population: 23222 },
  ],
  // 都島区 (Miyakojima), population 105,568
  "27102": [
    { name: "桜宮", reading: "さくらのみや", nameEn: "Sakuranomiya", population: 20678 },
    { name: "中野", reading: "なかの", nameEn: "Nakano", population: 22855 },
    { name: "高倉", reading: "たかくら", nameEn: "Takakura", population: 19590 },
    { name: "内代", reading: "うちんだい", nameEn: "Uchindai", population: 18502 },
    { name: "友渕", reading: "ともぶち", nameEn: "Tomobuchi", population: 23943 },
  ],
  // 福島区 (Fukushima), population 77,170
  "27103": [
    { name: "上福島", reading: "かみふくしま", nameEn: "Kamifukushima", population: 13891 },
    { name: "玉川", reading: "たまがわ", nameEn: "Tamagawa", population: 16977 },
    { name: "野田", reading: "のだ", nameEn: "Noda", population: 15434 },
    { name: "鷺洲", reading: "さぎす", nameEn: "Sagisu", population: 17749 },
    { name: "大開", reading: "だいかい", nameEn: "Daikai", population: 13119 },
  ],
  // 此花区 (Konohana), population 66,297
  "27104": [
    { name: "西九条", reading: "にしくじょう", nameEn: "Nishikujo", population: 17900 },
    { name: "春日出", reading: "かすがで", nameEn: "Kasugade", population: 15911 },
    { name: "四貫島", reading: "しかんじま", nameEn: "Shikanjima", population: 14586 },
    { name: "高見", reading: "たかみ", nameEn: "Takami", population: 17900 },
  ],
  // 中央区 (Chuo), population 102,432
  "27128": [
    { name: "中大江", reading: "なかおおえ", nameEn: "Nakaoe", population: 23559 },
    { name: "開平", reading: "かいへい", nameEn: "Kaihei", population: 18438 },
    { name: "玉造", reading: "たまつくり", nameEn: "Tamatsukuri", population: 20486 },
    { name: "桃園", reading: "ももぞの", nameEn: "Momozono", population: 17414 },
    { name: "道仁", reading: "どうじん", nameEn: "Dojin", population: 22535 },
  ],
  // 西区 (Nishi), population 101,575
  "27106": [
    { name: "西船場", reading: "にしせんば", nameEn: "Nishisenba", population: 19299 },
    { name: "靱", reading: "うつぼ", nameEn: "Utsubo", population: 21331 },
    { name: "堀江", reading: "ほりえ", nameEn: "Horie", population: 24378 },
    { name: "高台", reading: "たかだい", nameEn: "Takadai", population: 18284 },
    { name: "九条東", reading: "くじょうひがし", nameEn: "Kujohigashi", population: 18283 },
  ],
  // 港区 (Minato), population 80,938
  "27107": [
    { name: "市岡", reading: "いちおか", nameEn: "Ichioka", population: 17806 },
    { name: "波除", reading: "なみよけ", nameEn: "Namiyoke", population: 14569 },
    { name: "八幡屋", reading: "やはたや", nameEn: "Yahataya", population: 15378 },
    { name: "南市岡", reading: "みなみいちおか", nameEn: "Minamiichioka", population: 18616 },
    { name: "築港", reading: "ちっこう", nameEn: "Chikko", population: 14569 },
  ],
  // 大正区 (Taisho), population 64,937
  "27108": [
    { name: "三軒家東", reading: "さんげんやひがし", nameEn: "Sangenyahigashi", population: 15585 },
    { name: "泉尾東", reading: "いずおひがし", nameEn: "Izuohigashi", population: 16884 },
    { name: "中泉尾", reading: "なかいずお", nameEn: "Nakaizuo", population: 14286 },
    { name: "鶴町", reading: "つるまち", nameEn: "Tsurumachi", population: 18182 },
  ],
  // 天王寺区 (Tennoji), population 78,321
  "27109": [
    { name: "真田山", reading: "さなだやま", nameEn: "Sanadayama", population: 16447 },
    { name: "桃陽", reading: "とうよう", nameEn: "Toyo", population: 14881 },
    { name: "五条", reading: "ごじょう", nameEn: "Gojo", population: 14098 },
    { name: "生魂", reading: "いくたま", nameEn: "Ikutama", population: 18797 },
    { name: "聖和", reading: "せいわ", nameEn: "Seiwa", population: 14098 },
  ],
  // 浪速区 (Naniwa), population 69,259
  "27111": [
    { name: "日本橋", reading: "にっぽんばし", nameEn: "Nipponbashi", population: 16622 },
    { name: "大国", reading: "だいこく", nameEn: "Daikoku", population: 14544 },
    { name: "敷津", reading: "しきつ", nameEn: "Shikitsu", population: 12467 },
    { name: "塩草", reading: "しおくさ", nameEn: "Shiokusa", population: 13159 },
    { name: "立葉", reading: "たてば", nameEn: "Tateba", population: 12467 },
  ],
  // 西淀川区 (Nishiyodogawa), population 97,531
  "27113": [
    { name: "歌島", reading: "うたじま", nameEn: "Utajima", population: 21457 },
    { name: "御幣島", reading: "みてじま", nameEn: "Mitejima", population: 18531 },
    { name: "姫島", reading: "ひめじま", nameEn: "Himejima", population: 20481 },
    { name: "佃", reading: "つくだ", nameEn: "Tsukuda", population: 19506 },
    { name: "大和田", reading: "おおわだ", nameEn: "Owada", population: 17556 },
  ],
  // 淀川区 (Yodogawa), population 178,906
  "27123": [
    { name: "十三", reading: "じゅうそう", nameEn: "Juso", population: 28625 },
    { name: "木川", reading: "きかわ", nameEn: "Kikawa", population: 26836 },
    { name: "新高", reading: "にいたか", nameEn: "Niitaka", population: 32203 },
    { name: "三国", reading: "みくに", nameEn: "Mikuni", population: 30414 },
    { name: "東三国", reading: "ひがしみくに", nameEn: "Higashimikuni", population: 33992 },
    { name: "加島", reading: "かしま", nameEn: "Kashima", population: 26836 },
  ],
  // 東淀川区 (Higashiyodogawa), population 172,386
  "27114": [
    { name: "豊里", reading: "とよさと", nameEn: "Toyosato", population: 31029 },
    { name: "井高野", reading: "いたかの", nameEn: "Itakano", population: 27582 },
    { name: "淡路", reading: "あわじ", nameEn: "Awaji", population: 29306 },
    { name: "菅原", reading: "すがはら", nameEn: "Sugahara", population: 25858 },
    { name: "小松", reading: "こまつ", nameEn: "Komatsu", population: 27582 },
    { name: "豊新", reading: "ほうしん", nameEn: "Hoshin", population: 31029 },
  ],
  // 東成区 (Higashinari), population 83,977
  "27115": [
    { name: "今里", reading: "いまざと", nameEn: "Imazato", population: 18475 },
    { name: "深江", reading: "ふかえ", nameEn: "Fukae", population: 17635 },
    { name: "中本", reading: "なかもと", nameEn: "Nakamoto", population: 16795 },
    { name: "片江", reading: "かたえ", nameEn: "Katae", population: 15956 },
    { name: "神路", reading: "かみじ", nameEn: "Kamiji", population: 15116 },
  ],
  // 生野区 (Ikuno), population 127,452
  "27116": [
    { name: "鶴橋", reading: "つるはし", nameEn: "Tsuruhashi", population: 21886 },
    { name: "御幸森", reading: "みゆきもり", nameEn: "Miyukimori", population: 18024 },
    { name: "舎利寺", reading: "しゃりじ", nameEn: "Shariji", population: 20598 },
    { name: "巽", reading: "たつみ", nameEn: "Tatsumi", population: 24460 },
    { name: "林寺", reading: "はやしじ", nameEn: "Hayashiji", population: 19311 },
    { name: "中川", reading: "なかがわ", nameEn: "Nakagawa", population: 23173 },
  ],
  // 旭区 (Asahi), population 90,306
  "27117": [
    { name: "大宮", reading: "おおみや", nameEn: "Omiya", population: 18964 },
    { name: "古市", reading: "ふるいち", nameEn: "Furuichi", population: 18061 },
    { name: "高殿", reading: "たかどの", nameEn: "Takadono", population: 19868 },
    { name: "清水", reading: "しみず", nameEn: "Shimizu", population: 16255 },
    { name: "今市", reading: "いまいち", nameEn: "Imaichi", population: 17158 },
  ],
  // 城東区 (Joto), population 170,898
  "27118": [
    { name: "鯰江", reading: "なまずえ", nameEn: "Namazue", population: 29053 },
    { name: "関目", reading: "せきめ", nameEn: "Sekime", population: 30761 },
    { name: "榎並", reading: "えなみ", nameEn: "Enami", population: 27344 },
    { name: "菫", reading: "すみれ", nameEn: "Sumire", population: 25635 },
    { name: "鴫野", reading: "しぎの", nameEn: "Shigino", population: 27344 },
    { name: "今福", reading: "いまふく", nameEn: "Imafuku", population: 30761 },
  ],
  // 鶴見区 (Tsurumi), population 113,010
  "27124": [
    { name: "鶴見", reading: "つるみ", nameEn: "Tsurumi", population: 23732 },
    { name: "今津", reading: "いまづ", nameEn: "Imazu", population: 21472 },
    { name: "横堤", reading: "よこづつみ", nameEn: "Yokozutsumi", population: 22602 },
    { name: "茨田", reading: "まった", nameEn: "Matta", population: 24862 },
    { name: "諸口", reading: "もろぐち", nameEn: "Moroguchi", population: 20342 },
  ],
  // 阿倍野区 (Abeno), population 110,813
  "27119": [
    { name: "晴明丘", reading: "せいめいがおか", nameEn: "Seimeigaoka", population: 24379 },
    { name: "阪南", reading: "はんなん", nameEn: "Hannan", population: 23271 },
    { name: "金塚", reading: "かなづか", nameEn: "Kanazuka", population: 19946 },
    { name: "苗代", reading: "なわしろ", nameEn: "Nawashiro", population: 21054 },
    { name: "長池", reading: "ながいけ", nameEn: "Nagaike", population: 22163 },
  ],
  // 住之江区 (Suminoe), population 121,621
  "27125": [
    { name: "粉浜", reading: "こはま", nameEn: "Kohama", population: 19459 },
    { name: "安立", reading: "あんりゅう", nameEn: "Anryu", population: 18243 },
    { name: "加賀屋", reading: "かがや", nameEn: "Kagaya", population: 21892 },
    { name: "住之江", reading: "すみのえ", nameEn: "Suminoe", population: 20676 },
    { name: "新北島", reading: "しんきたじま", nameEn: "Shinkitajima", population: 19459 },
    { name: "南港", reading: "なんこう", nameEn: "Nanko", population: 21892 },
  ],
  // 住吉区 (Sumiyoshi), population 153,118
  "27120": [
    { name: "住吉", reading: "すみよし", nameEn: "Sumiyoshi", population: 26030 },
    { name: "墨江", reading: "すみえ", nameEn: "Sumie", population: 24499 },
    { name: "遠里小野", reading: "おりおの", nameEn: "Oriono", population: 22968 },
    { name: "苅田", reading: "かりた", nameEn: "Karita", population: 27561 },
    { name: "山之内", reading: "やまのうち", nameEn: "Yamanouchi", population: 26030 },
    { name: "長居", reading: "ながい", nameEn: "Nagai", population: 26030 },
  ],
  // 東住吉区 (Higashisumiyoshi), population 131,258
  "27121": [
    { name: "田辺", reading: "たなべ", nameEn: "Tanabe", population: 23627 },
    { name: "北田辺", reading: "きたたなべ", nameEn: "Kitatanabe", population: 21001 },
    { name: "育和", reading: "いくわ", nameEn: "Ikuwa", population: 22314 },
    { name: "今川", reading: "いまがわ", nameEn: "Imagawa", population: 21001 },
    { name: "湯里", reading: "ゆざと", nameEn: "Yuzato", population: 19689 },
    { name: "矢田", reading: "やた", nameEn: "Yata", population: 23626 },
  ],
  // 平野区 (Hirano), population 196,357
  "27126": [
    { name: "平野", reading: "ひらの", nameEn: "Hirano", population: 35344 },
    { name: "加美", reading: "かみ", nameEn: "Kami", population: 33381 },
    { name: "瓜破", reading: "うりわり", nameEn: "Uriwari", population: 31417 },
    { name: "喜連", reading: "きれ", nameEn: "Kire", population: 33381 },
    { name: "長吉", reading: "ながよし", nameEn: "Nagayoshi", population: 35344 },
    { name: "摂陽", reading: "せつよう", nameEn: "Setsuyo", population: 27490 },
  ],
  // 西成区 (Nishinari), population 105,987
  "27122": [
    { name: "玉出", reading: "たまで", nameEn: "Tamade", population: 22257 },
    { name: "岸里", reading: "きしのさと", nameEn: "Kishinosato", population: 20138 },
    { name: "天下茶屋", reading: "てんがちゃや", nameEn: "Tengachaya", population: 23317 },
    { name: "千本", reading: "せんぼん", nameEn: "Senbon", population: 21197 },
    { name: "津守", reading: "つもり", nameEn: "Tsumori", population: 19078 },
  ],
};
