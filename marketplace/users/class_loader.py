"""Oscar's class loader (settings.OSCAR_DYNAMIC_CLASS_LOADER), with a few classes swapped for ours.

For Oscar apps the project does not fork: the swapped classes are imported only when Oscar asks for
them, so this module imports nothing of Oscar's apps itself.
"""

from __future__ import annotations

from django.utils.module_loading import import_string
from oscar.core.loading import default_class_loader

OVERRIDES = {
    ("customer.mixins", "RegisterUserMixin"): "marketplace.users.registration.RegisterUserMixin",
    ("customer.forms", "EmailUserCreationForm"): "marketplace.users.registration.EmailUserCreationForm",
    ("customer.alerts.views", "ProductAlertCreateView"): "marketplace.users.alerts.ProductAlertCreateView",
}


def class_loader(module_label: str, classnames: list[str], module_prefix: str) -> list[type]:
    classes = default_class_loader(module_label, classnames, module_prefix)
    return [
        import_string(OVERRIDES[(module_label, name)]) if (module_label, name) in OVERRIDES else cls
        for name, cls in zip(classnames, classes, strict=True)
    ]
