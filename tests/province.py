"""A small hand-written data file of three prefectures in two provinces, each level represented:
what the filter, stats, compare-at-scale and delta tests read. Not real figures: made up for tests,
each quote written to say its own number."""

from __future__ import annotations

PROVINCE = """\
sources:
  s1: {publication: Test Daily, title: A test page, date: "2021"}
themes:
  rd: {zh: 研发投入, en: R&D}
metrics:
  rd: {zh: 研发投入, en: R&D investment, unit: 万元, theme: rd, kind: flow}
  firms: {zh: 高新技术企业, en: High-tech firms, unit: 家, theme: rd, kind: stock}
  share: {zh: 研发强度, en: R&D intensity, unit: '%', theme: rd, kind: rate}
  place: {zh: 全省位次, en: Provincial rank, unit: 位, theme: rd, kind: rank, polarity: lower}
regions:
  a:
    {zh: 甲县, short: 甲, en: Jia, level: county, prefecture: 温州市, prefecture_en: Wenzhou, province: 浙江省,
     source: s1, facts: [
      {metric: rd, value: 12500, period: "2019", quote: 2019年投入12500万元},
      {metric: rd, value: 1.5, unit: 亿元, period: "2020", yoy_pct: 20, quote: 2020年投入1.5亿元，增长20%},
      {metric: firms, value: 10, period: "2020", quote: 2020年高新技术企业10家},
      {metric: share, value: 2.5, period: "2020", quote: 研发强度2.5%},
      {metric: place, value: 3, period: "2020", quote: 全省第3位}]}
  b:
    {zh: 乙区, short: 乙, en: Yi, level: district, prefecture: 温州市, prefecture_en: Wenzhou, province: 浙江省,
     source: s1, facts: [
      {metric: rd, value: 9100, qualifier: more_than, period: "2020", quote: 2020年投入9100多万元},
      {metric: firms, value: 20, period: "2020", quote: 2020年高新技术企业20家},
      {metric: share, value: 3.5, period: "2020", quote: 研发强度3.5%},
      {metric: place, value: 1, period: "2020", quote: 全省第1位}]}
  c:
    {zh: 丙市, short: 丙, en: Bing, level: county-level city, prefecture: 衢州市, prefecture_en: Quzhou,
     province: 浙江省, source: s1, facts: [
      {metric: rd, value: 2000, period: "2019", quote: 2019年投入2000万元},
      {metric: rd, value: 2200, period: "2020", quote: 2020年投入2200万元},
      {metric: firms, value: 5, period: "2020", quote: 2020年高新技术企业5家},
      {metric: place, value: 7, period: "2020", quote: 全省第7位}]}
  d:
    {zh: 丁县, short: 丁, en: Ding, level: county, prefecture: 南平市, prefecture_en: Nanping, province: 福建省,
     source: s1, facts: [
      {metric: rd, value: 700, period: "2020", quote: 2020年投入700万元},
      {metric: firms, value: 1, period: "2020", quote: 2020年高新技术企业1家}]}
"""
