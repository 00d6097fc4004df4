from playwright.sync_api import expect


def snap(page, name):
    page.screenshot(path=f"/tmp/explore/{name}.png", full_page=True)
    print("=====", name, page.url)
    print(page.locator("body").aria_snapshot())


def test_explore(page, country_vn, two_cooperatives):
    page.goto("/catalogue/")
    for title in ["Cơm cháy chà bông 200 g", "Mắm tép Gia Viễn 500 g"]:
        page.locator("article").filter(has=page.get_by_role("heading", name=title)).get_by_role(
            "button", name="Thêm vào giỏ"
        ).click()
        expect(page.get_by_text(f"{title} đã được thêm vào giỏ hàng")).to_be_visible()
    page.get_by_role("link", name="Hiển thị giỏ hàng").click()
    page.get_by_role("link", name="Tiến hành thanh toán").click()
    snap(page, "gateway")
