// Demo survey content for the seed: the sampled 区民意識調査 and a quick poll that every ward runs, and a city-wide poll.
// Texts are in all six locales; やさしい日本語 marks every kanji with furigana as {漢字|かんじ}.
import type { ChoiceOption, Condition, LocalizedText, Question, SurveyDefinition, Theme } from "../../shared/surveys/model";

/** A ward's name in every locale, as shared/wards/names.ts wardName() writes it: "北区", "{北区|きたく}", "Kita Ward", "北区", "기타구", "Quận Kita". */
export interface WardNames {
  ja: string;
  "ja-easy": string;
  en: string;
  "zh-Hans": string;
  ko: string;
  vi: string;
}

const t = (ja: string, easy: string, en: string, zh: string, ko: string, vi: string): LocalizedText => ({
  ja,
  "ja-easy": easy,
  en,
  "zh-Hans": zh,
  ko,
  vi,
});

const option = (id: string, label: LocalizedText, themes: Theme[] = []): ChoiceOption => ({ id, label, themes });

interface OtherText {
  label: LocalizedText;
  maxLength: number;
}
const other = (maxLength = 100): OtherText => ({ label: t("その他", "その{他|た}", "Other", "其他", "기타", "Khác"), maxLength });

interface Extra {
  help?: LocalizedText;
  showIf?: Condition;
  other?: OtherText;
}

function single(id: string, text: LocalizedText, themes: Theme[], required: boolean, options: ChoiceOption[], extra: Extra = {}): Question {
  return { id, type: "single", text, required, themes, options, ...extra };
}

// Answer sets used by more than one question.
const know = option("know", t("知っている", "{知|し}っている", "I know it", "知道", "알고 있다", "Có biết"));
const dontKnow = option("dont_know", t("知らない", "{知|し}らない", "I don't know it", "不知道", "모른다", "Không biết"));
const dontKnowHint = t(
  "わからない場合は、答えずに次へ進んでください。",
  "わからないときは、{答|こた}えないで{次|つぎ}へ{進|すす}んでください。",
  "If you are not sure, skip this question.",
  "如果不清楚，可以跳过此题。",
  "잘 모르시면 답하지 않고 다음으로 넘어가셔도 됩니다.",
  "Nếu không rõ, bạn có thể bỏ qua câu này.",
);

/** The eight 施策テーマ as answer options, in the order the plan lists them. */
const themeOptions: ChoiceOption[] = [
  option(
    "childcare",
    t("子育て支援", "{子育|こそだ}ての{支援|しえん}", "Childcare support", "育儿支援", "육아 지원", "Hỗ trợ nuôi dạy con"),
    ["childcare"],
  ),
  option(
    "health",
    t(
      "健康づくり・介護予防",
      "{健康|けんこう}づくり・{介護予防|かいごよぼう}",
      "Health and frailty prevention",
      "健康促进·介护预防",
      "건강 증진·돌봄 예방",
      "Sức khỏe, phòng ngừa suy yếu",
    ),
    ["health"],
  ),
  option("disaster", t("防災", "{防災|ぼうさい}", "Disaster preparedness", "防灾", "방재", "Phòng chống thiên tai"), ["disaster"]),
  option("welfare", t("地域福祉", "{地域|ちいき}の{福祉|ふくし}", "Community welfare", "地区福利", "지역 복지", "Phúc lợi cộng đồng"), [
    "welfare",
  ]),
  option(
    "community",
    t("地域コミュニティ", "{地域|ちいき}のつながり", "Local community", "地区社群", "지역 커뮤니티", "Cộng đồng địa phương"),
    ["community"],
  ),
  option(
    "service_dx",
    t(
      "窓口サービス・行政のデジタル化",
      "{窓口|まどぐち}・インターネットでの{手続|てつづ}き",
      "Counter services and digital government",
      "窗口服务·行政数字化",
      "창구 서비스·행정 디지털화",
      "Dịch vụ tại quầy, số hóa hành chính",
    ),
    ["service_dx"],
  ),
  option(
    "education",
    t("教育環境", "{学校|がっこう}などの{教育|きょういく}", "Education", "教育环境", "교육 환경", "Môi trường giáo dục"),
    ["education"],
  ),
  option("urban", t("まちづくり", "まちづくり", "Town planning", "城市建设", "마을 만들기", "Quy hoạch đô thị"), ["urban"]),
];

/** The sampled 区民意識調査 every ward runs (letters with invitation codes). */
export function residentSurvey(ward: WardNames): SurveyDefinition {
  return {
    title: t(
      `令和8年度 ${ward.ja} 区民意識調査`,
      `{令和|れいわ}8{年度|ねんど} ${ward["ja-easy"]} {区民|くみん}{意識|いしき}{調査|ちょうさ}`,
      `FY2026 ${ward.en} Residents' Opinion Survey`,
      `2026年度 ${ward["zh-Hans"]} 区民意识调查`,
      `2026년도 ${ward.ko} 구민 의식 조사`,
      `Khảo sát ý kiến cư dân ${ward.vi} năm tài chính 2026`,
    ),
    description: t(
      `${ward.ja}では、区政の参考にするため、無作為に選んだ区民の皆さまにご意見をお聞きしています。回答は匿名で、区の施策づくりにのみ使います。`,
      `${ward["ja-easy"]}を、もっと{住|す}みやすい{区|く}にするために、あなたの{考|かんが}えを{教|おし}えてください。{名前|なまえ}は{書|か}きません。{答|こた}えは、{区|く}の{仕事|しごと}を{考|かんが}えるためだけに{使|つか}います。`,
      `${ward.en} is asking randomly selected residents for their views to guide its policies. Your answers are anonymous and used only to plan the ward's policies.`,
      `${ward["zh-Hans"]}为了改进区政，向随机抽选的区民征求意见。问卷为匿名，回答仅用于制定区里的政策。`,
      `${ward.ko}에서는 구정에 참고하기 위해 무작위로 선정된 구민 여러분께 의견을 여쭙고 있습니다. 응답은 익명이며 구의 정책 수립에만 사용됩니다.`,
      `${ward.vi} xin ý kiến của các cư dân được chọn ngẫu nhiên để làm cơ sở cho chính sách của quận. Câu trả lời được giữ ẩn danh và chỉ dùng để xây dựng chính sách của quận.`,
    ),
    questions: [
      single(
        "q1",
        t(
          "お住まいの地域の「地域活動協議会」を知っていますか",
          "あなたが{住|す}んでいる{地域|ちいき}の「{地域|ちいき}{活動|かつどう}{協議会|きょうぎかい}」を{知|し}っていますか。",
          "Do you know the area council (chiiki katsudō kyōgikai) where you live?",
          "您知道您所居住地区的“地区活动协议会”吗？",
          "거주하시는 지역의 '지역활동협의회'를 알고 계십니까?",
          "Bạn có biết hội đồng hoạt động khu vực (chiiki katsudō kyōgikai) nơi bạn sống không?",
        ),
        ["community"],
        true,
        [
          know,
          option(
            "heard",
            t(
              "名前は聞いたことがある",
              "{名前|なまえ}は{聞|き}いたことがある",
              "I've only heard the name",
              "只听说过名字",
              "이름은 들어 본 적이 있다",
              "Chỉ nghe qua tên",
            ),
          ),
          dontKnow,
        ],
        {
          help: t(
            "地域活動協議会（地活協）は、おおむね小学校区ごとに、町会や地域の団体、NPOなどが集まり、防災や見守りなど地域の課題に取り組む組織です。",
            "「{地域|ちいき}{活動|かつどう}{協議会|きょうぎかい}」は、{小学校|しょうがっこう}の{学区|がっく}ごとに、{町会|ちょうかい}やNPOなどが{集|あつ}まったグループです。{防災|ぼうさい}（{災害|さいがい}への{準備|じゅんび}）や{見守|みまも}りなどをしています。",
            "An area council brings together neighbourhood associations, local groups and NPOs, roughly one per elementary-school district, to work on local issues such as disaster preparedness and looking out for neighbours.",
            "地区活动协议会大致以小学学区为单位，由町会（居民自治会）、地区团体和NPO等组成，共同应对防灾、守望关照等地区课题。",
            "지역활동협의회는 대체로 초등학교 학군마다 주민회(조카이), 지역 단체, NPO 등이 모여 방재와 돌봄·안부 확인 등 지역 과제에 함께 대응하는 조직입니다.",
            "Hội đồng hoạt động khu vực được lập theo từng khu trường tiểu học, gồm hội khu phố, các đoàn thể và tổ chức NPO, cùng giải quyết các vấn đề của khu vực như phòng chống thiên tai và trông nom người dân.",
          ),
        },
      ),
      single(
        "q2",
        t(
          "区役所は、日常生活の相談や要望に適切に対応していると思いますか",
          "{区役所|くやくしょ}は、{毎日|まいにち}の{生活|せいかつ}の{相談|そうだん}や「こうしてほしい」という{声|こえ}に、きちんと{対応|たいおう}していると{思|おも}いますか。",
          "Do you think the ward office responds appropriately to residents' questions and requests about everyday life?",
          "您认为区政府能够妥善回应居民有关日常生活的咨询和诉求吗？",
          "구청이 일상생활에 관한 상담이나 요청에 적절히 대응하고 있다고 생각하십니까?",
          "Bạn có cho rằng văn phòng quận giải quyết thỏa đáng các thắc mắc và yêu cầu trong đời sống hằng ngày của người dân không?",
        ),
        ["service_dx"],
        true,
        [
          option("agree", t("そう思う", "そう{思|おも}う", "Agree", "同意", "그렇다", "Đồng ý")),
          option(
            "somewhat_agree",
            t("どちらかといえばそう思う", "どちらかといえばそう{思|おも}う", "Somewhat agree", "比较同意", "대체로 그렇다", "Khá đồng ý"),
          ),
          option(
            "somewhat_disagree",
            t(
              "どちらかといえばそう思わない",
              "どちらかといえばそう{思|おも}わない",
              "Somewhat disagree",
              "不太同意",
              "대체로 그렇지 않다",
              "Không đồng ý lắm",
            ),
          ),
          option("disagree", t("そう思わない", "そう{思|おも}わない", "Disagree", "不同意", "그렇지 않다", "Không đồng ý")),
        ],
      ),
      single(
        "q3",
        t(
          "町会に加入していますか",
          "{町会|ちょうかい}（{近|ちか}くに{住|す}む{人|ひと}たちのグループ）に{入|はい}っていますか。",
          "Are you a member of your neighbourhood association (chōkai)?",
          "您加入町会（居民自治会）了吗？",
          "주민회(조카이)에 가입되어 있습니까?",
          "Bạn có tham gia hội khu phố (chōkai) không?",
        ),
        ["community"],
        true,
        [
          option("member", t("加入している", "{入|はい}っている", "Yes, I'm a member", "已加入", "가입되어 있다", "Có tham gia")),
          option("not_member", t("加入していない", "{入|はい}っていない", "No", "未加入", "가입되어 있지 않다", "Không tham gia")),
          option("unsure", t("わからない", "わからない", "Not sure", "不清楚", "잘 모르겠다", "Không rõ")),
        ],
      ),
      single(
        "q3a",
        t(
          "町会に加入していない主な理由を教えてください",
          "{町会|ちょうかい}に{入|はい}っていない、いちばんの{理由|りゆう}は{何|なん}ですか。",
          "What is the main reason you are not a member?",
          "您未加入町会的主要原因是什么？",
          "주민회에 가입하지 않은 주된 이유는 무엇입니까?",
          "Lý do chính bạn không tham gia hội khu phố là gì?",
        ),
        ["community"],
        false,
        [
          option(
            "dont_know_how",
            t(
              "加入の方法がわからない",
              "{入|はい}り{方|かた}がわからない",
              "I don't know how to join",
              "不知道如何加入",
              "가입 방법을 모른다",
              "Không biết cách tham gia",
            ),
          ),
          option(
            "not_invited",
            t("勧誘がない", "{誘|さそ}われたことがない", "No one has invited me", "没有人邀请", "권유를 받은 적이 없다", "Chưa được mời"),
          ),
          option(
            "fee",
            t(
              "会費が負担",
              "{会費|かいひ}（お{金|かね}）が{大変|たいへん}",
              "The fee is a burden",
              "会费负担重",
              "회비가 부담된다",
              "Hội phí là gánh nặng",
            ),
          ),
          option("no_time", t("時間がない", "{時間|じかん}がない", "No time", "没有时间", "시간이 없다", "Không có thời gian")),
          option(
            "not_needed",
            t(
              "必要を感じない",
              "{必要|ひつよう}だと{思|おも}わない",
              "I don't see the need",
              "觉得没必要",
              "필요성을 느끼지 않는다",
              "Không thấy cần thiết",
            ),
          ),
        ],
        { showIf: { question: "q3", anyOf: ["not_member"] }, other: other() },
      ),
      single(
        "q4",
        t(
          "災害時の避難場所を知っていますか",
          "{地震|じしん}などの{災害|さいがい}のとき、{逃|に}げる{場所|ばしょ}（{避難場所|ひなんばしょ}）を{知|し}っていますか。",
          "Do you know where to evacuate to in a disaster?",
          "您知道发生灾害时的避难场所吗？",
          "재해 시 대피 장소를 알고 계십니까?",
          "Bạn có biết nơi sơ tán khi xảy ra thiên tai không?",
        ),
        ["disaster"],
        false,
        [know, dontKnow],
      ),
      single(
        "q5",
        t(
          "週に1回以上、運動や体操の集まりに参加していますか",
          "1{週間|しゅうかん}に1{回|かい}{以上|いじょう}、{運動|うんどう}や{体操|たいそう}をする{集|あつ}まりに{行|い}っていますか。",
          "Do you take part in an exercise or fitness group at least once a week?",
          "您每周参加一次以上运动或健身操的集体活动吗？",
          "일주일에 1회 이상 운동이나 체조 모임에 참가하고 계십니까?",
          "Bạn có tham gia nhóm vận động hoặc tập thể dục ít nhất mỗi tuần một lần không?",
        ),
        ["health"],
        false,
        [
          option("yes", t("している", "している", "Yes", "参加", "참가하고 있다", "Có")),
          option("no", t("していない", "していない", "No", "不参加", "참가하지 않는다", "Không")),
        ],
      ),
      {
        id: "q6",
        type: "rating",
        text: t(
          "区の子育て支援に満足していますか",
          "{区|く}の{子育|こそだ}て{支援|しえん}（{子|こ}どもを{育|そだ}てる{人|ひと}への{手伝|てつだ}い）に{満足|まんぞく}していますか。",
          "How satisfied are you with the ward's childcare support?",
          "您对区里的育儿支援满意吗？",
          "구의 육아 지원에 만족하십니까?",
          "Bạn có hài lòng với các hỗ trợ nuôi dạy con của quận không?",
        ),
        help: dontKnowHint,
        required: false,
        themes: ["childcare"],
        lowLabel: t("不満", "{満足|まんぞく}していない", "Dissatisfied", "不满意", "불만족", "Không hài lòng"),
        highLabel: t("満足", "{満足|まんぞく}している", "Satisfied", "满意", "만족", "Hài lòng"),
      },
      single(
        "q7",
        t(
          "行政オンラインシステムで手続きをしたことがありますか",
          "「{行政|ぎょうせい}オンラインシステム」で、{手続|てつづ}きをしたことがありますか。",
          "Have you ever completed a procedure through the city's Online Administrative System?",
          "您是否通过“行政在线系统”办理过手续？",
          "'행정 온라인 시스템'으로 절차를 진행한 적이 있습니까?",
          'Bạn đã từng làm thủ tục qua "Hệ thống hành chính trực tuyến" chưa?',
        ),
        ["service_dx"],
        false,
        [
          option("yes", t("ある", "ある", "Yes", "有", "있다", "Đã từng")),
          option("no", t("ない", "ない", "No", "没有", "없다", "Chưa")),
          option(
            "unaware",
            t(
              "知らない",
              "このしくみを{知|し}らない",
              "I don't know the system",
              "不知道该系统",
              "시스템을 모른다",
              "Không biết hệ thống này",
            ),
          ),
        ],
        {
          help: t(
            "「大阪市行政オンラインシステム」は、区役所などへの申請や届出を、スマートフォンやパソコンから行える市のサービスです。",
            "「{大阪市|おおさかし}{行政|ぎょうせい}オンラインシステム」は、{区役所|くやくしょ}などへの{申|もう}し{込|こ}みを、スマートフォンやパソコンからできる{大阪市|おおさかし}のサービスです。",
            "The Osaka City Online Administrative System lets you make applications and notifications to the ward office and other city offices from a smartphone or computer.",
            "“大阪市行政在线系统”是大阪市的服务，可通过智能手机或电脑向区政府等机构办理申请和申报。",
            "'오사카시 행정 온라인 시스템'은 구청 등에 대한 신청이나 신고를 스마트폰이나 컴퓨터로 할 수 있는 시의 서비스입니다.",
            '"Hệ thống hành chính trực tuyến thành phố Osaka" là dịch vụ của thành phố cho phép nộp đơn và khai báo với văn phòng quận và các cơ quan khác bằng điện thoại thông minh hoặc máy tính.',
          ),
        },
      ),
      {
        id: "q8",
        type: "multiple",
        text: t(
          "区に特に力を入れてほしい分野を3つまで選んでください",
          "{区|く}に、{特|とく}にがんばってほしいことを、3つまで{選|えら}んでください。",
          "Which areas would you most like the ward to focus on? Choose up to three.",
          "您特别希望区里重点推进哪些领域？请最多选择3项。",
          "구가 특히 힘써 주었으면 하는 분야를 3개까지 선택해 주십시오.",
          "Hãy chọn tối đa 3 lĩnh vực bạn muốn quận đặc biệt chú trọng.",
        ),
        required: false,
        themes: ["childcare", "health", "disaster", "welfare", "community", "service_dx", "education", "urban"],
        options: themeOptions,
        min: 1,
        max: 3,
        other: other(),
      },
      {
        id: "q9",
        type: "text",
        text: t(
          "区政へのご意見・ご要望",
          "{区|く}への{意見|いけん}や、「こうしてほしい」ということ",
          "Your comments and requests for the ward",
          "对区政的意见和建议",
          "구정에 대한 의견 및 요청 사항",
          "Ý kiến, nguyện vọng đối với quận",
        ),
        help: t(
          "ご自由にお書きください。お名前や住所など、個人が特定される内容は書かないでください。",
          "{自由|じゆう}に{書|か}いてください。{名前|なまえ}や{住所|じゅうしょ}は{書|か}かないでください。",
          "Please write freely, but do not include anything that could identify you, such as your name or address.",
          "请自由填写。请勿填写姓名、住址等可识别个人身份的信息。",
          "자유롭게 적어 주십시오. 성명이나 주소 등 개인을 특정할 수 있는 내용은 적지 마십시오.",
          "Bạn có thể viết tự do. Xin đừng ghi thông tin có thể nhận diện cá nhân như họ tên, địa chỉ.",
        ),
        required: false,
        themes: [],
        maxLength: 1000,
        multiline: true,
      },
    ],
    profile: ["ageBand", "area", "childrenUnder6", "yearsInWard"],
  };
}

/** A quick poll every ward runs. */
export function wardPoll(ward: WardNames): SurveyDefinition {
  return {
    title: t(
      `${ward.ja} クイックアンケート：防災と地域の集まり`,
      `${ward["ja-easy"]} かんたんアンケート：{防災|ぼうさい}と{地域|ちいき}の{集|あつ}まり`,
      `${ward.en} quick poll: disaster drills and local gatherings`,
      `${ward["zh-Hans"]} 快速问卷：防灾与社区聚会`,
      `${ward.ko} 간단 설문: 방재와 동네 모임`,
      `Khảo sát nhanh ${ward.vi}: phòng chống thiên tai và tụ họp cộng đồng`,
    ),
    description: t(
      "3問、1分もかからないアンケートです。防災訓練や通いの場の計画に役立てます。回答は匿名です。",
      "{質問|しつもん}は3つです。1{分|ぷん}もかかりません。{答|こた}えは、{防災訓練|ぼうさいくんれん}や「{通|かよ}いの{場|ば}」の{計画|けいかく}に{使|つか}います。{名前|なまえ}は{書|か}きません。",
      "Three questions, under a minute. Your answers help plan disaster drills and community gatherings. Anonymous.",
      "共3个问题，不到1分钟即可完成。您的回答将用于规划防灾演练和社区聚会。匿名作答。",
      "3문항으로 1분도 걸리지 않습니다. 응답은 방재 훈련과 동네 모임 계획에 활용됩니다. 익명으로 응답합니다.",
      "Chỉ 3 câu hỏi, chưa đến 1 phút. Câu trả lời giúp lên kế hoạch diễn tập phòng chống thiên tai và các buổi tụ họp cộng đồng. Khảo sát ẩn danh.",
    ),
    questions: [
      single(
        "q1",
        t(
          "この1年間に、地域の防災訓練に参加しましたか",
          "この1{年|ねん}の{間|あいだ}に、{地域|ちいき}の{防災訓練|ぼうさいくんれん}（{地震|じしん}などのときのための{練習|れんしゅう}）に{参加|さんか}しましたか。",
          "Have you taken part in a local disaster drill in the past year?",
          "过去一年里，您参加过地区的防灾演练吗？",
          "최근 1년 동안 지역 방재 훈련에 참가하셨습니까?",
          "Trong 1 năm qua, bạn có tham gia buổi diễn tập phòng chống thiên tai của khu vực không?",
        ),
        ["disaster"],
        true,
        [
          option("took_part", t("参加した", "{参加|さんか}した", "Yes", "参加过", "참가했다", "Có tham gia")),
          option(
            "want_to",
            t(
              "参加していないが、参加したい",
              "{参加|さんか}していないが、{参加|さんか}したい",
              "No, but I'd like to",
              "没有，但想参加",
              "참가하지 않았지만 참가하고 싶다",
              "Chưa, nhưng muốn tham gia",
            ),
          ),
          option(
            "unaware",
            t(
              "開催を知らなかった",
              "{訓練|くんれん}があることを{知|し}らなかった",
              "I didn't know about it",
              "不知道有演练",
              "열리는 줄 몰랐다",
              "Không biết có diễn tập",
            ),
          ),
          option(
            "not_interested",
            t(
              "参加するつもりはない",
              "{参加|さんか}するつもりはない",
              "I don't plan to",
              "不打算参加",
              "참가할 생각이 없다",
              "Không định tham gia",
            ),
          ),
        ],
      ),
      {
        id: "q2",
        type: "multiple",
        text: t(
          "通いの場（体操や健康講座などの集まり）に参加しやすい時間帯を2つまで選んでください",
          "「{通|かよ}いの{場|ば}」（{体操|たいそう}や{健康|けんこう}の{話|はなし}を{聞|き}く{集|あつ}まり）に{行|い}きやすい{時間|じかん}を、2つまで{選|えら}んでください。",
          "When would it be easiest for you to attend a community gathering (exercise groups, health talks)? Choose up to two.",
          "哪些时间段您比较方便参加社区聚会（健身操、健康讲座等）？请最多选择2项。",
          "동네 모임(체조, 건강 강좌 등)에 참가하기 쉬운 시간대를 2개까지 선택해 주십시오.",
          "Thời gian nào thuận tiện để bạn tham gia tụ họp cộng đồng (thể dục, buổi nói chuyện về sức khỏe)? Chọn tối đa 2.",
        ),
        required: false,
        themes: ["health", "community"],
        options: [
          option(
            "weekday_morning",
            t("平日の午前", "{平日|へいじつ}の{午前|ごぜん}", "Weekday mornings", "工作日上午", "평일 오전", "Sáng ngày thường"),
          ),
          option(
            "weekday_afternoon",
            t("平日の午後", "{平日|へいじつ}の{午後|ごご}", "Weekday afternoons", "工作日下午", "평일 오후", "Chiều ngày thường"),
          ),
          option(
            "weekday_evening",
            t(
              "平日の夕方以降",
              "{平日|へいじつ}の{夕方|ゆうがた}から{後|あと}",
              "Weekday evenings",
              "工作日傍晚以后",
              "평일 저녁",
              "Tối ngày thường",
            ),
          ),
          option(
            "weekend_morning",
            t("土日の午前", "{土日|どにち}の{午前|ごぜん}", "Weekend mornings", "周末上午", "주말 오전", "Sáng cuối tuần"),
          ),
          option(
            "weekend_afternoon",
            t("土日の午後", "{土日|どにち}の{午後|ごご}", "Weekend afternoons", "周末下午", "주말 오후", "Chiều cuối tuần"),
          ),
        ],
        min: 1,
        max: 2,
      },
      {
        id: "q3",
        type: "number",
        text: t(
          "お住まいから最寄りの避難所まで、歩いて何分くらいかかりますか",
          "あなたの{家|いえ}から、いちばん{近|ちか}い{避難所|ひなんじょ}まで、{歩|ある}いて{何分|なんぷん}ぐらいかかりますか。",
          "About how many minutes does it take to walk from your home to the nearest evacuation shelter?",
          "从您家步行到最近的避难所大约需要几分钟？",
          "댁에서 가장 가까운 대피소까지 걸어서 몇 분 정도 걸립니까?",
          "Đi bộ từ nhà bạn đến nơi trú ẩn sơ tán gần nhất mất khoảng bao nhiêu phút?",
        ),
        help: dontKnowHint,
        required: false,
        themes: ["disaster"],
        min: 0,
        max: 120,
        integer: true,
        unit: t("分", "{分|ふん}", "min", "分钟", "분", "phút"),
      },
    ],
    profile: ["ageBand"],
  };
}

/** A city-wide quick poll (大阪市全体). */
export const cityPoll: SurveyDefinition = {
  title: t(
    "大阪市 クイックアンケート：オンライン手続き",
    "{大阪市|おおさかし} かんたんアンケート：インターネットでの{手続|てつづ}き",
    "Osaka City quick poll: online procedures",
    "大阪市 快速问卷：在线办理手续",
    "오사카시 간단 설문: 온라인 행정 절차",
    "Khảo sát nhanh thành phố Osaka: thủ tục trực tuyến",
  ),
  description: t(
    "2問、1分もかかりません。区役所の手続きのオンライン化と、このアプリの改善に役立てます。回答は匿名です。",
    "{質問|しつもん}は2つです。1{分|ぷん}もかかりません。{答|こた}えは、インターネットでできる{手続|てつづ}きを{増|ふ}やすことと、このアプリをよくすることに{使|つか}います。{名前|なまえ}は{書|か}きません。",
    "Two questions, under a minute. Your answers help bring ward office procedures online and improve this app. Anonymous.",
    "共2个问题，不到1分钟即可完成。您的回答将用于推进区政府手续的在线化和改进本应用。匿名作答。",
    "2문항으로 1분도 걸리지 않습니다. 응답은 구청 절차의 온라인화와 이 앱의 개선에 활용됩니다. 익명으로 응답합니다.",
    "Chỉ 2 câu hỏi, chưa đến 1 phút. Câu trả lời giúp đưa thủ tục của văn phòng quận lên mạng và cải thiện ứng dụng này. Khảo sát ẩn danh.",
  ),
  questions: [
    single(
      "q1",
      t(
        "今後、区役所の手続きをどのようにしたいですか",
        "これから、{区役所|くやくしょ}の{手続|てつづ}きを、どのようにしたいですか。",
        "How would you like to handle ward office procedures from now on?",
        "今后，您希望以什么方式办理区政府的手续？",
        "앞으로 구청 절차를 어떻게 처리하고 싶으십니까?",
        "Từ nay về sau, bạn muốn làm thủ tục của văn phòng quận theo cách nào?",
      ),
      ["service_dx"],
      true,
      [
        option(
          "online",
          t(
            "できるだけオンラインで",
            "できるだけインターネットで",
            "Online whenever possible",
            "尽量在线办理",
            "가능하면 온라인으로",
            "Trực tuyến khi có thể",
          ),
        ),
        option(
          "depends",
          t(
            "内容によって使い分けたい",
            "{内容|ないよう}によって{選|えら}びたい",
            "Depends on the procedure",
            "视手续而定",
            "내용에 따라 다르게",
            "Tùy thủ tục",
          ),
        ),
        option(
          "counter",
          t(
            "窓口で相談しながら",
            "{窓口|まどぐち}で{相談|そうだん}しながら",
            "At the counter, with staff help",
            "在窗口边咨询边办理",
            "창구에서 상담하면서",
            "Tại quầy, có nhân viên hỗ trợ",
          ),
        ),
        option("unsure", t("わからない", "わからない", "Not sure", "不清楚", "잘 모르겠다", "Không rõ")),
      ],
    ),
    {
      id: "q2",
      type: "rating",
      text: t(
        "このアプリ「まちの声」は使いやすいですか",
        "このアプリ「まちの{声|こえ}」は、{使|つか}いやすいですか。",
        "How easy is this app, Machikoe, to use?",
        "本应用“まちの声（街之声）”好用吗？",
        "이 앱 '마치노코에(まちの声)'는 사용하기 편리합니까?",
        'Ứng dụng "Machikoe" (まちの声) này có dễ sử dụng không?',
      ),
      required: false,
      themes: ["service_dx"],
      lowLabel: t("使いにくい", "{使|つか}いにくい", "Hard to use", "不好用", "불편하다", "Khó dùng"),
      highLabel: t("使いやすい", "{使|つか}いやすい", "Easy to use", "好用", "편리하다", "Dễ dùng"),
    },
  ],
  profile: [],
};
