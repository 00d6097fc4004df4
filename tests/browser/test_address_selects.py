"""The commune select follows the province select on a slow phone too."""

from playwright.sync_api import expect


def test_a_province_chosen_before_the_script_arrives_still_gets_its_communes(phone_page):
    page = phone_page

    held = []  # geo.js is held back (a slow connection) until the province has been chosen
    page.route("**/chohtx/geo.js*", lambda route: held.append(route))
    page.goto("/seller/apply/", wait_until="commit")
    province = page.get_by_label("Tỉnh/thành phố")
    commune = page.get_by_label("Xã/phường")
    listed = province.input_value()  # the page comes with one province's list (or none)
    other = "Hà Nội" if listed == "37" else "Ninh Bình"
    wanted, unwanted = ("Phường Hoàn Kiếm", "Phường Hoa Lư")[:: 1 if other == "Hà Nội" else -1]
    province.select_option(label=other)  # before geo.js: its change event is not heard
    page.wait_for_timeout(200)
    assert held, "geo.js was not requested"
    held[0].continue_()
    expect(commune.locator("option", has_text=wanted)).to_be_attached(timeout=10_000)
    expect(commune.locator("option", has_text=unwanted)).not_to_be_attached()

    province.select_option(label="Quảng Ninh")  # afterwards the change event refills it
    expect(commune.locator("option", has_text="Đặc khu Vân Đồn")).to_be_attached()
    expect(commune.locator("option", has_text=wanted)).not_to_be_attached()
