"""The papers of a Korean forum besides the programme: the MC's script, name plates and the booklet (자료집).

The script is read as text: what a Korean MC says, in the order they say it.
Name plates and the booklet are printed by Chromium and read back with pypdf
and poppler, as the printed programme's tests do.
"""

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from agenda.loading.analysis import analyze
from browser_tools import poppler, print_page, probe_page
from conftest import FIXTURES
from helpers import ENGLISH, SEED, golden, run, write

WITH_GUESTS = FIXTURES / "documents" / "seed-with-guests.yaml"
HOSTILE = FIXTURES / "documents" / "hostile.yaml"
NAMES = ["이연희", "구본권", "이개호", "정태호", "이상은", "권영설", "조승현", "양승오"]


def script(forum: Path, *extra: str) -> str:
    return run("export", forum, "--document", "script", "-o", "-", *extra).stdout


def said(text: str) -> list[str]:
    """The script's paragraphs, in order."""
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def index_of(paragraphs: list[str], words: str) -> int:
    found = [n for n, p in enumerate(paragraphs) if words in p]
    assert found, f"{words!r} is never said"
    return found[0]


# the MC's script

def test_the_seed_script_is_the_reviewed_text():
    golden("script-seed-with-guests.md", script(WITH_GUESTS))


def test_the_english_script_is_the_reviewed_text():
    golden("script-english.md", script(ENGLISH))


def test_national_ceremony_is_said_in_the_protocol_guides_order():
    paragraphs = said(script(WITH_GUESTS))
    order = [index_of(paragraphs, words) for words in
             ("국민의례가 있겠습니다", "국기에 대하여 경례. [국기에 대한 맹세문 낭송] 바로.",
              "애국가는 1절만 부르겠습니다. [애국가 1절 반주]", "순국선열과 호국영령에 대한 묵념",
              "이상으로 국민의례를 마치겠습니다. 모두 자리에 앉아")]
    assert order == sorted(order) and len(set(order)) == 5, order
    assert "제창하겠습니다" not in paragraphs[order[2]]  # 제창 once: 애국가 제창이 있겠습니다 … 부르겠습니다
    assert index_of(paragraphs, "시작하겠습니다") < order[0]  # 개회 선언 first, then 국민의례


def test_lee_gaeho_is_introduced_with_his_title_and_uiwonnim_before_his_congratulatory_address():
    paragraphs = said(script(WITH_GUESTS))
    assert "**사회:** 더불어민주당 정책위원회 의장 이개호 의원님 오셨습니다. [박수]" in paragraphs
    announced = index_of(paragraphs, "다음은 더불어민주당 정책위원회 의장 이개호 의원님의 축사가 있겠습니다. [박수] [연단으로 이동]")
    assert paragraphs[announced + 1] == "[축사]"
    assert "이개호 의원님, 감사합니다." in paragraphs[announced + 2]
    assert not [p for p in paragraphs if "의장님" in p]  # 의장님 alone is the Speaker of the 국회


def test_without_a_honorific_the_titles_last_word_thanks_them(tmp_path):
    text = WITH_GUESTS.read_text(encoding="utf-8").replace(", honorific: 의원}", "}")
    paragraphs = said(script(write(tmp_path, text)))
    assert "**사회:** 더불어민주당 정책위원회 의장 이개호 님 오셨습니다. [박수]" in paragraphs
    assert "**사회:** 이개호 의장님, 감사합니다. [박수]" in paragraphs


def test_the_mc_says_the_spoken_title_at_the_opening_and_the_closing(tmp_path):
    paragraphs = said(script(WITH_GUESTS))
    assert "**사회:** 지금부터 ‘모두의 AI: 정책과 전략’ 제2차 연속토론회를 시작하겠습니다. [박수]" in paragraphs
    assert paragraphs[-1] == ("**사회:** 이상으로 ‘모두의 AI: 정책과 전략’ 제2차 연속토론회를 마치겠습니다. "
                              "끝까지 함께해 주신 여러분께 감사드립니다. 안녕히 돌아가십시오. [박수]")
    unspoken = WITH_GUESTS.read_text(encoding="utf-8").replace("  spoken_title:", "  # spoken_title:")
    paragraphs = said(script(write(tmp_path, unspoken)))  # without it: the title, glosses and spaced colon smoothed
    assert "**사회:** 지금부터 모두의 AI: 정책과 전략 연속토론회를 시작하겠습니다. [박수]" in paragraphs
    assert "**사회:** 이상으로 모두의 AI: 정책과 전략 연속토론회를 마치겠습니다." in paragraphs[-1]


def test_glosses_in_brackets_are_printed_but_not_said(tmp_path):
    paragraphs = said(script(WITH_GUESTS))
    turn = paragraphs[index_of(paragraphs, "양승오 님께서")]
    assert "한국사회여론연구소 부소장 양승오 님께서 ‘인공지능의 정치 영역 무엇을 준비해야 하나’를 주제로" in turn
    assert "(KSOI)" not in turn and "(AI)" not in turn
    out = tmp_path / "plates.html"
    run("export", WITH_GUESTS, "--document", "nameplates", "-o", out)
    assert "한국사회여론연구소(KSOI)" in out.read_text(encoding="utf-8")  # the name plate keeps what is printed


def test_guests_are_introduced_in_the_files_order_never_reordered(tmp_path):
    paragraphs = said(script(WITH_GUESTS))
    introduced = [p for p in paragraphs if "오셨습니다" in p]
    assert [("이개호" in p, "정태호" in p) for p in introduced] == [(True, False), (False, True)]
    assert index_of(paragraphs, "내빈을 소개해 드리겠습니다") > index_of(paragraphs, "[착석]")  # after 국민의례
    reversed_guests = WITH_GUESTS.read_text(encoding="utf-8").replace(
        "guests: [lee-gaeho, jung-taeho]", "guests: [jung-taeho, {name: 김하나, affiliation: 국회, title: 의원}, lee-gaeho]")
    paragraphs = said(script(write(tmp_path, reversed_guests)))
    introduced = [p for p in paragraphs if "오셨습니다" in p]
    assert [re.search(r"(\S+) \S*님 오셨습니다", p).group(1) for p in introduced] == ["정태호", "김하나", "이개호"]
    assert "국회 의원 김하나 님 오셨습니다" in introduced[1]


def test_no_guests_no_introduction():
    assert "내빈" not in script(WITH_GUESTS.with_name("sections.yaml"))


def test_the_chair_is_handed_the_floor_at_1415_and_hands_it_back_for_the_closing():
    text = script(WITH_GUESTS)
    block = text.split("## 14:15~14:20 장내 정리, 좌장 인사말\n\n")[1].split("\n## ")[0]
    lines = said(block)
    assert lines[0].startswith("**사회:** 잠시 장내를 정리하겠습니다.")
    assert lines[1] == ("**사회:** 지금부터는 좌장을 맡아 주신 한겨레 사람과디지털연구소 소장 구본권 님께서 "
                        "진행해 주시겠습니다. [박수]")
    assert lines[2].startswith("**좌장:** 안녕하십니까. 오늘 좌장을 맡은 한겨레 사람과디지털연구소 소장 구본권입니다.")
    closing = said(text.split("## 15:55 폐회\n\n")[1])
    assert [line.split(":**")[0] for line in closing] == ["**좌장", "**사회", "**사회"]
    assert "진행을 다시 사회자께 넘기겠습니다" in closing[0] and "구본권 소장님, 감사합니다" in closing[1]
    assert closing[2].startswith("**사회:** 이상으로 ‘모두의 AI: 정책과 전략’ 제2차 연속토론회를 마치겠습니다.")


@pytest.mark.parametrize("printed, said_as", [
    ("모두의 AI : 정책과 전략 연속토론회 (제2차 AI 정당)", "모두의 AI: 정책과 전략 연속토론회"),
    ("한국사회여론연구소(KSOI)", "한국사회여론연구소"), ("(사)한국정책학회", "한국정책학회"), ("(KSOI)", "(KSOI)")])
def test_spoken_text_drops_glosses_and_the_spaced_colon(printed, said_as):
    from agenda.render.spoken import spoken

    assert spoken(printed) == said_as


@pytest.mark.parametrize("title, event", [("‘모두의 AI: 정책과 전략’ 제2차 연속토론회", "토론회"),
                                          ("2024 AI 정책 세미나", "세미나"), ("AI 기본법 공청회", "공청회"),
                                          ("AI와 민주주의", "행사")])
def test_the_doors_announce_the_forum_by_what_its_title_calls_it(title, event):
    from agenda.render.spoken import event_word

    assert event_word(title) == event


def test_a_panel_titled_with_its_label_and_a_colon_is_said_without_the_colon(tmp_path):
    text = WITH_GUESTS.read_text(encoding="utf-8").replace("    title: 지정토론\n", "    title: \"토론: AI와 정당\"\n")
    assert "**좌장:** 다음은 ‘AI와 정당’ 토론입니다. 세 분의 토론자께서 15분씩 말씀해 주시겠습니다." in said(
        script(write(tmp_path, text)))
    english = said(script(ENGLISH))
    assert ("**MC:** Next, our panel, “Data that changed a decision.” Our three discussants will speak for "
            "15 minutes each.") in english
    assert english[index_of(english, "Open floor") + 1].startswith("**MC:** We now move on to the open floor.")


def test_a_segments_or_items_own_script_replaces_its_template(tmp_path):
    text = WITH_GUESTS.read_text(encoding="utf-8").replace(
        "      - {title: 인사말, speaker: jung-taeho}",
        "      - {title: 인사말, speaker: jung-taeho, script: \"정태호 원장님을 모시겠습니다. [박수]\"}").replace(
        "    title: 질의응답·자유토론\n",
        "    title: 질의응답·자유토론\n    script: |\n      이제 질문을 받겠습니다.\n      한 분께 2분씩 드리겠습니다.\n")
    out = script(write(tmp_path, text))
    assert "정태호 원장님을 모시겠습니다" in out and "님의 인사말이 있겠습니다" not in out
    qa = said(out.split("질의응답·자유토론\n\n")[1].split("\n## ")[0])
    assert qa == ["**좌장:** 이제 질문을 받겠습니다.", "**좌장:** 한 분께 2분씩 드리겠습니다."]


def test_the_script_speaks_english_when_asked():
    out = script(WITH_GUESTS, "--lang", "en")
    assert "the national ceremony" in out and "국민의례가" not in out
    assert "I now hand over to our moderator, 구본권 (한겨레 사람과디지털연구소 소장)." in out  # Korean kept as written


def test_the_mc_does_not_announce_their_own_welcome_nor_hand_over_to_themself():
    out = script(ENGLISH)
    assert "welcome from Ana Lopez" not in out and "**09:00–09:05** [Welcome]" in out
    assert "Moderator:" not in out and "hand over" not in out  # Ana is MC and moderator both


def test_hostile_text_in_the_script_stays_inert(tmp_path):
    from test_documents import read_html

    out = tmp_path / "script.html"
    run("export", HOSTILE, "--document", "script", "-o", out, "--force", exit_status=None)
    page = read_html(out.read_bytes())
    assert set(page.tags) <= {"html", "head", "meta", "title", "style", "body", "header", "h1", "p", "dl", "dt",
                              "dd", "main", "section", "h2", "span", "br"}, set(page.tags)
    assert not [name for name, _ in page.attributes if name.startswith("on")]


# guests and materials in the file

def test_a_guest_id_not_in_people_is_unknown_person(tmp_path):
    text = WITH_GUESTS.read_text(encoding="utf-8").replace("guests: [lee-gaeho, jung-taeho]",
                                                            "guests: [lee-gaeho, kim-hana]")
    out = run("validate", "--lang", "en", write(tmp_path, text), exit_status=1).stdout
    assert "error[unknown-person]" in out and "kim-hana" in out


def test_a_roster_person_who_is_only_a_guest_is_used(tmp_path):
    text = WITH_GUESTS.read_text(encoding="utf-8").replace(
        "  lee-gaeho: {name: 이개호", "  kim-hana: {name: 김하나, title: 의원}\n  lee-gaeho: {name: 이개호").replace(
        "guests: [lee-gaeho, jung-taeho]", "guests: [lee-gaeho, kim-hana]")
    assert "unused-person" not in run("validate", write(tmp_path, text)).stdout
    assert "unused-person" in run("validate", write(tmp_path, text.replace("guests: [lee-gaeho, kim-hana]", ""),
                                                 "unused.yaml")).stdout


def test_a_material_that_is_not_a_pdf_is_invalid(tmp_path):
    text = WITH_GUESTS.read_text(encoding="utf-8").replace(
        "  revision: 1\n", "  revision: 1\n  materials: {presentation: 발제문.docx}\n")
    out = run("validate", write(tmp_path, text), exit_status=1).stdout
    assert "error[invalid-field]" in out and "PDF 파일이 아닙니다('발제문.docx')" in out


def test_a_missing_material_is_said_and_nothing_written(tmp_path):
    text = WITH_GUESTS.read_text(encoding="utf-8").replace(
        "  revision: 1\n", "  revision: 1\n  materials: {\"panel:2\": papers/조승현.pdf}\n")
    out = tmp_path / "booklet.pdf"
    result = run("export", write(tmp_path, text), "--document", "booklet", "-o", out, exit_status=2)
    assert f"forum.materials: panel:2: 파일이 없습니다({tmp_path / 'papers' / '조승현.pdf'})" in result.stderr
    assert not out.exists()
    english = run("export", write(tmp_path, text), "--document", "booklet", "-o", out, "--lang", "en", exit_status=2)
    assert "does not exist (paths start from the forum file's folder); nothing written" in english.stderr


def test_a_material_for_no_part_is_said(tmp_path):
    text = WITH_GUESTS.read_text(encoding="utf-8").replace(
        "  revision: 1\n", "  revision: 1\n  materials: {\"panel:9\": a.pdf}\n")
    result = run("export", write(tmp_path, text), "--document", "booklet", "-o", tmp_path / "b.pdf",
                 "--lang", "en", exit_status=2)
    assert "forum.materials: 'panel:9' names no part of the programme" in result.stderr
    assert "panel:2" in result.stderr


@pytest.mark.parametrize("document, out", [("booklet", "b.html"), ("nameplates", "n.md"), ("script", "s.csv")])
def test_a_paper_in_a_container_it_does_not_have_is_refused(document, out, tmp_path):
    result = run("export", WITH_GUESTS, "--document", document, "-o", tmp_path / out, exit_status=2)
    assert f"--document {document} is not made as" in result.stderr
    assert not (tmp_path / out).exists()


# name plates

def test_name_plates_html_has_one_plate_a_person_and_an_inline_guest_adds_one(tmp_path):
    out = tmp_path / "plates.html"
    run("export", SEED, "--document", "nameplates", "-o", out)
    assert out.read_text(encoding="utf-8").count('<div class="plate">') == 8  # the seed alone: 8 take part
    run("export", WITH_GUESTS, "--document", "nameplates", "-o", out)
    assert out.read_text(encoding="utf-8").count('<div class="plate">') == 8
    text = WITH_GUESTS.read_text(encoding="utf-8").replace(
        "guests: [lee-gaeho, jung-taeho]", "guests: [lee-gaeho, jung-taeho, {name: 김하나, title: 의원}]")
    run("export", write(tmp_path, text), "--document", "nameplates", "-o", out)
    page = out.read_text(encoding="utf-8")
    assert page.count('<div class="plate">') == 9 and page.count(">김하나<") == 2


@pytest.mark.browser
def test_name_plates_are_one_landscape_page_a_person_each_name_twice_one_upside_down(tmp_path):
    out = tmp_path / "plates.pdf"
    run("export", WITH_GUESTS, "--document", "nameplates", "-o", out)
    pages = PdfReader(out).pages
    assert len(pages) == 8  # 8 people take part; both guests (이개호, 정태호) speak too, so nobody is added
    assert all(page.mediabox.width > page.mediabox.height for page in pages)
    for number, name in enumerate(NAMES, start=1):
        text = poppler("pdftotext", out, "-f", str(number), "-l", str(number))
        # upright, and upside down: poppler reads the turned face right to left
        assert name in text.splitlines() and name[::-1] in text.splitlines(), (name, text)
    fonts = poppler("pdffonts", out).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), "\n".join(fonts)


# the booklet

def _material(folder: Path, name: str, pages: int) -> Path:
    page = folder / f"{name}.html"
    page.write_text("".join(f'<p style="break-after:page">{name} page {n + 1}</p>' for n in range(pages)),
                    encoding="utf-8")
    pdf = folder / f"{name}.pdf"
    print_page(page, pdf)
    assert len(PdfReader(pdf).pages) == pages
    return pdf


@pytest.mark.browser
def test_the_booklet_cover_reads_title_date_and_venue(tmp_path):
    out = tmp_path / "booklet.pdf"
    run("export", WITH_GUESTS, "--document", "booklet", "-o", out)
    cover = " ".join(poppler("pdftotext", out, "-f", "1", "-l", "1").split())
    for words in ("모두의 AI : 정책과 전략 연속토론회 (제2차 AI 정당)", "일시 2023년 12월 13일(수) 14:00~16:00",
                  "장소 국회의원회관 제2간담회의실", "AI 시대의 정당 혁신", "주최 민주연구원"):
        assert words in cover, (words, cover)
    fonts = poppler("pdffonts", out).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)


@pytest.mark.browser
def test_the_booklets_contents_give_the_pages_where_the_materials_start(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    _material(papers, "MATERIALA", 2)
    _material(papers, "MATERIALB", 3)
    text = WITH_GUESTS.read_text(encoding="utf-8").replace(
        "  revision: 1\n",
        "  revision: 1\n  materials:\n    presentation: papers/MATERIALA.pdf\n    \"panel:2\": papers/MATERIALB.pdf\n")
    out = tmp_path / "booklet.pdf"
    run("export", write(tmp_path, text), "--document", "booklet", "-o", out)
    reader = PdfReader(out)
    front = len(reader.pages) - 5
    contents = next(n for n in range(1, front + 1)
                    if "차례" in poppler("pdftotext", out, "-f", str(n), "-l", str(n)).split())
    layout = poppler("pdftotext", out, "-layout", "-f", str(contents), "-l", str(contents))
    starts = {}
    for title, material in (("발제: AI 시대의 정당 혁신", "MATERIALA"), ("AI시대의 정당의 운영과 정책 보좌", "MATERIALB")):
        line = next(line for line in layout.splitlines() if title in line)
        starts[material] = int(line.split()[-1])
    assert starts == {"MATERIALA": front + 1, "MATERIALB": front + 3}
    for material, start in starts.items():
        assert f"{material} page 1" in poppler("pdftotext", out, "-f", str(start), "-l", str(start))
    others = next(line for line in layout.splitlines() if "생성형 AI 시대, 정당의 과제" in line)
    assert not re.search(r"\d+\s*$", others)  # a part with no material has no page number


@pytest.mark.browser
def test_the_script_pdf_keeps_every_name_whole_with_fonts_embedded(tmp_path):
    out = tmp_path / "script.pdf"
    run("export", WITH_GUESTS, "--document", "script", "-o", out)
    lines = poppler("pdftotext", out).splitlines()
    for name in NAMES:
        assert any(name in line for line in lines), f"{name} is split across lines, or missing"
    for words in ("국기에 대하여 경례.", "이개호 의원님, 감사합니다."):
        assert any(words in line for line in lines), words
    fonts = poppler("pdffonts", out).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)


@pytest.mark.parametrize("key, valid", [("\"panel:2\"", True), ("presentation", True), ("\"a b\"", False),
                                        ("\"panel:2:1\"", False)])
def test_a_material_is_named_by_a_part_name(key, valid, tmp_path):
    text = WITH_GUESTS.read_text(encoding="utf-8").replace(
        "  revision: 1\n", f"  revision: 1\n  materials: {{{key}: papers/a.pdf}}\n")
    out = run("validate", "--lang", "en", write(tmp_path, text), exit_status=0 if valid else 1).stdout
    assert ("is not a part name; write a segment id, or SEGMENT:ITEM such as panel:2" in out) is not valid


def test_hostile_text_in_the_markdown_script_stays_text():
    out = run("export", HOSTILE, "--document", "script", "-o", "-", "--force", exit_status=None).stdout
    assert "<script>" not in out and "\\<script\\>" in out
    assert "\\[link\\](http://evil.example)" in out and "[link](" not in out
    assert "**not bold**" not in out


@pytest.mark.browser
@pytest.mark.parametrize("document", ["script", "nameplates"])
def test_the_html_papers_pass_axe_core(document, tmp_path):
    out = tmp_path / f"{document}.html"
    run("export", WITH_GUESTS, "--document", document, "-o", out)
    assert probe_page(out)["violations"] == []


def test_a_transition_segment_settles_the_room_once(tmp_path):
    text = WITH_GUESTS.read_text(encoding="utf-8").replace(
        "  - kind: remarks\n    id: moderator-greeting\n    title: 장내 정리, 좌장 인사말\n",
        "  - kind: transition\n    duration: 2m\n  - kind: remarks\n    id: moderator-greeting\n    title: 좌장 인사말\n")
    out = script(write(tmp_path, text))
    assert out.count("잠시 장내를 정리하겠습니다") == 1
    assert out.index("잠시 장내를 정리하겠습니다") < out.index("좌장을 맡아 주신 한겨레")


# the MC's script of a two-day symposium (a new user's trial, problem 7)

SYMPOSIUM = FIXTURES / "documents" / "two-day-symposium.yaml"


def block(text: str, heading: str) -> list[str]:
    """The paragraphs under the first `## …` heading that contains `heading`, up to the next heading."""
    paragraphs = said(text)
    start = next(n for n, p in enumerate(paragraphs) if p.startswith("## ") and heading in p)
    end = next((n for n in range(start + 1, len(paragraphs)) if paragraphs[n].startswith("## ")), len(paragraphs))
    return paragraphs[start + 1:end]


def test_a_panel_with_a_duration_and_no_each_gets_a_bare_cue_never_an_empty_one():
    ko, en = script(SYMPOSIUM), script(SYMPOSIUM, "--lang", "en")
    assert "[토론 ]" not in ko and "[discussion, ]" not in en
    assert block(ko, "12:15~13:00 종합토론").count("[토론]") == 3
    assert block(en, "12:15–13:00 종합토론").count("[discussion]") == 3
    assert block(ko, "지정토론").count("[토론 15분]") == 3  # with `each` the minutes stay


def test_a_day_before_the_last_closes_the_day_and_only_the_last_day_closes_the_event():
    ko, en = script(SYMPOSIUM), script(SYMPOSIUM, "--lang", "en")
    day_one = block(ko, "첫째 날 폐회")
    assert day_one[-1] == ("**사회:** 이상으로 첫째 날 순서를 모두 마치겠습니다. 끝까지 함께해 주신 여러분께 감사드립니다. "
                           "둘째 날 순서는 내일 오전 10시에 서울 중구 프레스센터에서 시작하겠습니다. 그때 다시 뵙겠습니다. "
                           "안녕히 돌아가십시오. [박수]")
    assert "심포지엄을 마치겠습니다" not in " ".join(day_one)
    assert ko.count("심포지엄을 마치겠습니다") == 1 and "심포지엄을 마치겠습니다" in " ".join(block(ko, "13:00~13:10 폐회"))
    assert "That concludes day one." in en and "Day two begins tomorrow at 10:00 am" in en
    assert en.count("This concludes 2024") == 1


def test_a_later_day_opens_with_a_morning_welcome():
    ko, en = script(SYMPOSIUM), script(SYMPOSIUM, "--lang", "en")
    assert block(ko, "## 둘째 날")[0] == ("**사회:** 안녕하십니까. 둘째 날 순서를 시작하겠습니다. "
                                         "오늘도 자리를 함께해 주신 여러분께 감사드립니다.")
    assert block(en, "## 둘째 날")[0] == "**MC:** Good morning, everyone, and welcome back. We now begin day two."
    assert ko.count("오늘 사회를 맡은") == 1  # the MC introduces themself once, on the first day


def test_day_headings_show_the_date_and_hours_without_a_next_day_mark():
    ko, en = script(SYMPOSIUM), script(SYMPOSIUM, "--lang", "en")
    assert "## 첫째 날 · 11월 21일(목) 09:30~16:00" in ko and "## 둘째 날 · 11월 22일(금) 10:00~14:10" in ko
    assert "## 둘째 날 · Friday, 22 November 10:00–14:10" in en
    assert "(+1)" not in ko and "(+1)" not in en and "## 10:00~12:00 분과 세션" in ko


def test_a_break_after_the_last_part_restarts_nothing():
    ko, en = script(SYMPOSIUM), script(SYMPOSIUM, "--lang", "en")
    assert block(ko, "오찬") == ["**사회:** 오찬이 준비되어 있습니다. 참석하신 여러분께서는 함께해 주시기 바랍니다. [오찬]"]
    assert block(en, "13:10–14:10") == ["**MC:** Please join us for “오찬”. [오찬]"]
    closing = " ".join(block(ko, "13:00~13:10 폐회"))
    assert "안녕히 돌아가십시오" not in closing  # a meal still follows: nobody is sent home yet
    assert "다시 시작하겠습니다" in " ".join(block(ko, "12:00~13:30 점심"))  # a break mid-day still restarts


def test_breaks_are_announced_by_the_mc_never_the_chair():
    ko = script(SYMPOSIUM)
    for heading in ("점심", "커피 브레이크"):
        assert block(ko, heading)[-1].startswith("**사회:**") and "쉬었다가" in block(ko, heading)[-1]
    assert not any(p.startswith("**좌장:**") and "쉬었다가" in p for p in said(ko))


def test_the_mc_takes_the_floor_back_and_opens_each_part_handing_it_to_its_chair():
    ko = script(SYMPOSIUM)
    assert block(ko, "점심")[:2] == [
        "**좌장:** 이상으로 제1부 순서를 마치겠습니다. 진행을 다시 사회자께 넘기겠습니다. [박수]",
        "**사회:** 좌장을 맡아 주신 정대호 선임연구위원님, 감사합니다. [박수]"]
    assert block(ko, "## 제1부") == [
        "**사회:** 지금부터 제1부 ‘디지털 인프라와 지역격차’를 시작하겠습니다.",
        "**사회:** 제1부의 좌장은 국토연구원 선임연구위원 정대호 님께서 맡아 주시겠습니다. [박수]"]
    assert block(ko, "## 제2부") == [
        "**사회:** 지금부터 제2부 ‘지역 디지털 생태계의 미래’를 시작하겠습니다.",
        "**사회:** 제2부의 진행도 정대호 선임연구위원님께서 맡아 주시겠습니다. [박수]"]
    assert block(ko, "12:15~13:00 종합토론")[0] == (
        "**사회:** 제4부의 좌장은 한국지역정책학회 회장 김정수 님께서 맡아 주시겠습니다. [박수]")
    html = run("export", SYMPOSIUM, "--document", "script", "-o", "-", "--format", "html").stdout
    assert "제2부의 진행도 정대호 선임연구위원님께서" in html  # the HTML says what a heading's MC says too


def test_a_parallel_block_says_which_track_is_in_which_room_and_who_chairs_it():
    ko, en = script(SYMPOSIUM), script(SYMPOSIUM, "--lang", "en")
    lines = block(ko, "10:00~12:00 분과 세션")
    assert "분과 1 ‘디지털 행정’은 국제회의장에서, 분과 2 ‘지역 산업과 일자리’는 중회의실에서 진행됩니다." in lines[0]
    assert lines[1] == "**사회:** 좌장은 분과 1 송혜진 교수님, 분과 2 강동원 논설위원님께서 맡아 주시겠습니다. [분과별 진행]"
    assert "분과 1 “디지털 행정” is in 국제회의장, and 분과 2 “지역 산업과 일자리” is in 중회의실." in en


def test_a_honorific_equal_to_the_title_is_said_once_and_a_korean_honorific_stays_out_of_english():
    ko, en = script(SYMPOSIUM), script(SYMPOSIUM, "--lang", "en")
    assert "행정안전부 이민호 차관님 오셨습니다" in ko and "차관 이민호 차관님" not in ko
    assert "다음은 행정안전부 이민호 차관님의 축사가 있겠습니다" in ko and "이민호 차관님, 감사합니다" in ko
    assert "차관 이민호" not in en and "차관 at" not in en
    assert "**MC:** 이민호 (행정안전부 차관). [applause]" in en and "Thank you, 이민호." in en


def test_an_english_honorific_still_leads_the_name_in_english(tmp_path):
    forum = write(tmp_path, WITH_GUESTS.read_text(encoding="utf-8").replace("honorific: 의원", "honorific: Rep."))
    out = script(forum, "--lang", "en")
    assert "Rep. 이개호" in out and "의원 이개호" not in out


def test_a_day_without_a_closing_is_closed_after_its_last_part_and_a_dinner_after_it_sends_nobody_home(tmp_path):
    text = SYMPOSIUM.read_text(encoding="utf-8").replace(
        "  - kind: closing\n    title: 첫째 날 폐회\n", "  - kind: break\n    title: 만찬\n")
    out = script(write(tmp_path, text))
    closing = block(out, "## 15:50 폐회")
    assert closing[-1].startswith("**사회:** 이상으로 첫째 날 순서를 모두 마치겠습니다.")
    assert "그때 다시 뵙겠습니다. [박수]" in closing[-1] and "안녕히 돌아가십시오" not in closing[-1]
    assert block(out, "15:50~16:00 만찬") == [
        "**사회:** 만찬이 준비되어 있습니다. 참석하신 여러분께서는 함께해 주시기 바랍니다. [만찬]"]


@pytest.mark.browser
def test_the_booklets_timeline_keeps_its_last_hour_whole(tmp_path):
    """A new user's trial: the 자료집's timeline ended in "1", not "16:00": the papers let any word break
    (overflow-wrap: anywhere), and the last label, pinned at the right edge, shrank to one digit."""
    out = tmp_path / "booklet.pdf"
    run("export", SEED, "--document", "booklet", "-o", out)
    page = poppler("pdftotext", out, "-layout", "-f", "2", "-l", "2")
    scale = [line.split() for line in page.splitlines() if line.split()[:1] == ["14:00"]]
    assert scale == [["14:00", "15:00", "16:00"]], page


def test_the_printed_script_names_the_theme_under_the_title_as_the_markdown_does():
    """A new user's trial: the Markdown script had "AI 시대의 정당 혁신" under the title, the HTML and PDF not."""
    page = run("export", SEED, "--document", "script", "--format", "html", "-o", "-").stdout
    header = page[page.index("<header>"):page.index("</header>")]
    assert '<p class="theme">AI 시대의 정당 혁신</p>' in header
    assert header.index("forum-title") < header.index('class="theme"') < header.index("<dl>")
    markdown = run("export", SEED, "--document", "script", "--format", "markdown", "-o", "-").stdout
    assert "AI 시대의 정당 혁신  " in markdown.split("\n\n")[1]
