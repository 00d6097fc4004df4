"""The official OCOP taxonomy (Decision 148/QĐ-TTg, 2023): groups, subgroups, product sets; form choices."""

from collections.abc import Iterator
from typing import NotRequired, TypedDict


class OcopNode(TypedDict):
    code: str
    name: str
    name_en: str
    children: NotRequired[list["OcopNode"]]


# ---------------------------------------------------------------------------
# OCOP groups (Decision 148/QĐ-TTg, 2023): group -> subgroup -> product set.
# Group VI has no children; groups whose subgroups have no letter are leaves at
# the second level.
# ---------------------------------------------------------------------------
OCOP_GROUPS: list[OcopNode] = [
    {
        "code": "I",
        "name": "Thực phẩm",
        "name_en": "Food",
        "children": [
            {
                "code": "I.1",
                "name": "Thực phẩm tươi sống",
                "name_en": "Fresh food",
                "children": [
                    {
                        "code": "I.1a",
                        "name": "Rau, củ, quả, hạt tươi",
                        "name_en": "Fresh vegetables, fruit and nuts",
                    },
                    {
                        "code": "I.1b",
                        "name": "Thịt, cá, trứng, sữa tươi",
                        "name_en": "Fresh meat, fish, eggs and milk",
                    },
                ],
            },
            {
                "code": "I.2",
                "name": "Thực phẩm thô, sơ chế",
                "name_en": "Raw and pre-processed food",
                "children": [
                    {"code": "I.2a", "name": "Gạo, ngũ cốc", "name_en": "Rice and grains"},
                    {
                        "code": "I.2b",
                        "name": "Mật ong, sản phẩm sơ chế khác",
                        "name_en": "Honey and other pre-processed food",
                    },
                ],
            },
            {
                "code": "I.3",
                "name": "Thực phẩm chế biến",
                "name_en": "Processed food",
                "children": [
                    {
                        "code": "I.3a",
                        "name": "Thực phẩm chế biến ăn nhanh",
                        "name_en": "Fast and instant food",
                    },
                    {
                        "code": "I.3b",
                        "name": "Chế biến từ gạo, ngũ cốc",
                        "name_en": "Processed from rice and grains",
                    },
                    {
                        "code": "I.3c",
                        "name": "Chế biến từ rau, củ, quả, hạt",
                        "name_en": "Processed from vegetables, fruit and nuts",
                    },
                    {
                        "code": "I.3d",
                        "name": "Chế biến từ thịt, trứng, sữa, thủy sản, mật ong",
                        "name_en": "Processed from meat, eggs, milk, seafood and honey",
                    },
                ],
            },
            {
                "code": "I.4",
                "name": "Gia vị",
                "name_en": "Condiments",
                "children": [
                    {
                        "code": "I.4a",
                        "name": "Tương, nước mắm, gia vị dạng lỏng",
                        "name_en": "Sauces, fish sauce and liquid condiments",
                    },
                    {"code": "I.4b", "name": "Gia vị khác", "name_en": "Other condiments"},
                ],
            },
            {
                "code": "I.5",
                "name": "Chè",
                "name_en": "Tea",
                "children": [
                    {"code": "I.5a", "name": "Chè", "name_en": "Tea"},
                    {"code": "I.5b", "name": "Trà thảo mộc", "name_en": "Herbal teas"},
                ],
            },
            {"code": "I.6", "name": "Cà phê, ca cao", "name_en": "Coffee and cocoa"},
        ],
    },
    {
        "code": "II",
        "name": "Đồ uống",
        "name_en": "Drinks",
        "children": [
            {
                "code": "II.1",
                "name": "Đồ uống có cồn",
                "name_en": "Alcoholic drinks",
                "children": [
                    {"code": "II.1a", "name": "Rượu trắng", "name_en": "Rice spirit"},
                    {"code": "II.1b", "name": "Đồ uống có cồn khác", "name_en": "Other alcoholic drinks"},
                ],
            },
            {
                "code": "II.2",
                "name": "Đồ uống không cồn",
                "name_en": "Non-alcoholic drinks",
                "children": [
                    {
                        "code": "II.2a",
                        "name": "Nước khoáng, nước uống đóng chai",
                        "name_en": "Mineral and bottled water",
                    },
                    {
                        "code": "II.2b",
                        "name": "Đồ uống không cồn khác",
                        "name_en": "Other non-alcoholic drinks",
                    },
                ],
            },
        ],
    },
    {
        "code": "III",
        "name": "Dược liệu",
        "name_en": "Herbal products",
        "children": [
            {
                "code": "III.1",
                "name": "Thực phẩm chức năng, thuốc từ dược liệu",
                "name_en": "Functional foods and herbal medicines",
            },
            {"code": "III.2", "name": "Mỹ phẩm có nguồn gốc thảo dược", "name_en": "Cosmetics from herbs"},
            {
                "code": "III.3",
                "name": "Tinh dầu và sản phẩm khác từ dược liệu",
                "name_en": "Essential oils and other herbal products",
            },
        ],
    },
    {
        "code": "IV",
        "name": "Hàng thủ công mỹ nghệ",
        "name_en": "Handicrafts",
        "children": [
            {
                "code": "IV.1",
                "name": "Thủ công mỹ nghệ gia dụng, trang trí",
                "name_en": "Household and decorative crafts",
            },
            {"code": "IV.2", "name": "Dệt may", "name_en": "Textiles and garments"},
        ],
    },
    {
        "code": "V",
        "name": "Sinh vật cảnh",
        "name_en": "Ornamentals",
        "children": [
            {"code": "V.1", "name": "Hoa", "name_en": "Flowers"},
            {"code": "V.2", "name": "Cây cảnh", "name_en": "Ornamental plants"},
            {"code": "V.3", "name": "Động vật cảnh", "name_en": "Ornamental animals"},
        ],
    },
    {
        "code": "VI",
        "name": "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
        "name_en": "Community tourism, eco-tourism and tourist sites",
    },
]


def iter_categories(
    nodes: list[OcopNode] | None = None, parent: str | None = None, depth: int = 1
) -> Iterator[tuple[OcopNode, str | None, int, bool]]:
    """Yield ``(node, parent_code, depth, is_leaf)`` for every OCOP node, depth first."""
    for node in OCOP_GROUPS if nodes is None else nodes:
        children = node.get("children") or []
        yield node, parent, depth, not children
        if children:
            yield from iter_categories(children, node["code"], depth + 1)


def leaf_codes() -> list[str]:
    return [node["code"] for node, _parent, _depth, is_leaf in iter_categories() if is_leaf]


def group_of(code: str) -> str:
    """The top-level group ("I".."VI") of a category code such as "I.3b"."""
    return code.split(".", 1)[0]


def ocop_group_choices() -> list[tuple[str, str]]:
    """[('I', 'I · Thực phẩm'), ('I.1', 'I.1 · Thực phẩm tươi sống'), …] in the decision's order."""
    return [(node["code"], f"{node['code']} · {node['name']}") for node, *__ in iter_categories()]
