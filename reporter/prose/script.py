"""Pages in traditional characters (many mirrors convert them) read as the same words in
simplified ones: 增長3.6% is a rise of 3.6%, 億元 a unit of money, 上半年 a period.

:func:`simplified` maps one character to one, so every offset into the text read is an offset
into the page; what is quoted and what is written (the unit 億元) stay as the page prints them.
The table covers the vocabulary of statistical prose; a character outside it is read as printed.
"""

from __future__ import annotations

import re

_TRADITIONAL = (
    "億萬長產業總額營計規實現經濟縣區東與價農漁發費術點個專項單體質證創們機構園圍環歲兩為從進這過還運達選"
    "邊遠連線網絡紅約級紀結統續績維綜縮織繼純細終組絕給練緊編繳務動勞勝醫衛廠廣庫應開關門間陽陰際隊險雙難"
    "離雲電靈順預領頭題顯風飛飲館馬驗魚鳥麥黃齊齡儲優債傳僅倉儀兒內冊劃劑辦勢協壓參變號嚴團國圖場壞塊報壯"
    "聲處備復夠奮婦學寧審寬對將尋導層屬島幣帶幫廳彈歸當錄後徑徹態憑懷戶戰擴據擔換損擇擊撥攜數斷於時畫曉書"
    "會條標樣檢權歐殘氣決沒況淨減測準溝滿漲潔濕灣無煙燈爭牽獎獲畝畢盡盤碼礎確禮種稅積穩窮競筆節範築糧紙綠"
    "義習聯職膽舊藝蘇蘭蟲補製視覽觀訂記設許評試詳認語說調談請論諾識護讀讓豐貝負貢財責貧購貸貿資賣賽贏趕趨"
    "跡車軍軟載輔輕輛輸轉迴週遷遺鄉鄰釋針鋼錢錯鍋鐵鑄閉閣闊陸隨隱雜雞霧靜韓響頁頂須頻飯養餘駐驅髮鬥鬧鮮鹽"
    "麗龍聖歷曆湧綱緣縱臺蓋薦藥裝襲親覺觸誌課謝議貫賴蹤軌輪辭郵鈴銀銷鋪錦鍵鏈鐘鑑閱陣陳雖頓頒顆顏願類顧飼"
    "飾駕騎鳳鴨鵝麼黨齒勵匯卻廢徵憲懸戲擁擬攤敵曬樓橋櫃氫漿潤澤濃煉熱燒爐犧獨療盜碩禍稱穀簡簽籃紡絲綫罰羅"
    "聞脅腦腳膚臉舉艱莊葉蔥蕭藍蘋蝦蠶衝襯見訊訓託訪該詢誠誤諮謀講譯贊踐躍軸較輩轄遙遞適鉛鋁錶鎮鏡閃闆隻頌"
    "頸颱飄餅饑驕驚髒鬆魯鳴鴻鵬麵黴齋員問圓幾廈張彙戀掃揚擺攝敗晝暫棄檔歡殺湯滬灑災燦猶瑣癒盞眾睏礙竊筍籌"
    "紛紋紐紳縫繩罷肅脫腎臟艙蔭裡誕誰諸謂豬貓貼賀賓賠趙軒鄒醞鈔鉤銅銳鋒鍛鎖閑闢陝隸頑頰颳饒馳駛騰驢驟鬱鯨"
    "鶴鹼麩齣龜"
)
_SIMPLIFIED = (
    "亿万长产业总额营计规实现经济县区东与价农渔发费术点个专项单体质证创们机构园围环岁两为从进这过还运达选"
    "边远连线网络红约级纪结统续绩维综缩织继纯细终组绝给练紧编缴务动劳胜医卫厂广库应开关门间阳阴际队险双难"
    "离云电灵顺预领头题显风飞饮馆马验鱼鸟麦黄齐龄储优债传仅仓仪儿内册划剂办势协压参变号严团国图场坏块报壮"
    "声处备复够奋妇学宁审宽对将寻导层属岛币带帮厅弹归当录后径彻态凭怀户战扩据担换损择击拨携数断于时画晓书"
    "会条标样检权欧残气决没况净减测准沟满涨洁湿湾无烟灯争牵奖获亩毕尽盘码础确礼种税积稳穷竞笔节范筑粮纸绿"
    "义习联职胆旧艺苏兰虫补制视览观订记设许评试详认语说调谈请论诺识护读让丰贝负贡财责贫购贷贸资卖赛赢赶趋"
    "迹车军软载辅轻辆输转回周迁遗乡邻释针钢钱错锅铁铸闭阁阔陆随隐杂鸡雾静韩响页顶须频饭养余驻驱发斗闹鲜盐"
    "丽龙圣历历涌纲缘纵台盖荐药装袭亲觉触志课谢议贯赖踪轨轮辞邮铃银销铺锦键链钟鉴阅阵陈虽顿颁颗颜愿类顾饲"
    "饰驾骑凤鸭鹅么党齿励汇却废征宪悬戏拥拟摊敌晒楼桥柜氢浆润泽浓炼热烧炉牺独疗盗硕祸称谷简签篮纺丝线罚罗"
    "闻胁脑脚肤脸举艰庄叶葱萧蓝苹虾蚕冲衬见讯训托访该询诚误咨谋讲译赞践跃轴较辈辖遥递适铅铝表镇镜闪板只颂"
    "颈台飘饼饥骄惊脏松鲁鸣鸿鹏面霉斋员问圆几厦张汇恋扫扬摆摄败昼暂弃档欢杀汤沪洒灾灿犹琐愈盏众困碍窃笋筹"
    "纷纹纽绅缝绳罢肃脱肾脏舱荫里诞谁诸谓猪猫贴贺宾赔赵轩邹酝钞钩铜锐锋锻锁闲辟陕隶顽颊刮饶驰驶腾驴骤郁鲸"
    "鹤碱麸出龟"
)
_TABLE = str.maketrans(_TRADITIONAL, _SIMPLIFIED)
_ANY = re.compile(f"[{_TRADITIONAL}]")


def simplified(text: str) -> str:
    """``text`` with the traditional characters of the table in their simplified form (same length)."""
    return text.translate(_TABLE) if _ANY.search(text) else text
