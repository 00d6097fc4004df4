"""The official OCOP groups and subgroups (Decision 148/QĐ-TTg, 2023) as form choices."""

from marketplace.demo.data import iter_categories


def ocop_group_choices() -> list[tuple[str, str]]:
    """[('I', 'I · Thực phẩm'), ('I.1', 'I.1 · Thực phẩm tươi sống'), …] in the decision's order."""
    return [(node["code"], f"{node['code']} · {node['name']}") for node, *__ in iter_categories()]
