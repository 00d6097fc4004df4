"""Writes: the editorial set-up (groups, permissions, moderation workflow) and scheduled publishing."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS_GROUP = "Biên tập viên Liên minh"  # Alliance editors: write and submit
MODERATORS_GROUP = "Kiểm duyệt viên Liên minh"  # Alliance moderators: approve and publish
WORKFLOW_NAME = "Duyệt bài của Liên minh"
TASK_NAME = "Kiểm duyệt viên duyệt"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]
DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document"]


def _perm(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group: Group, page: Page, codenames: list[str]) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_perm("wagtailcore", codename)
        )


def _grant_collection(group: Group, collection: Collection, app_label: str, codenames: list[str]) -> None:
    for codename in codenames:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_perm(app_label, codename)
        )


def _group(name: str, *, root: Page, page_codenames: list[str]) -> Group:
    group, __ = Group.objects.get_or_create(name=name)
    group.permissions.add(
        _perm("wagtailadmin", "access_admin"),
        _perm("simple_translation", "submit_translation"),
    )
    _grant_pages(group, root, page_codenames)
    collection = Collection.get_first_root_node()
    _grant_collection(group, collection, "wagtailimages", IMAGE_PERMISSIONS)
    _grant_collection(group, collection, "wagtaildocs", DOCUMENT_PERMISSIONS)
    return group


@transaction.atomic
def editorial_setup_ensure() -> dict:
    """Groups and the moderation workflow (submit → moderator approves → published). Idempotent.

    Editors may create and edit every page under the tree's root (all languages), but not publish;
    neither group gets any shop permission, and neither is staff, so the Oscar dashboard and
    Django admin stay closed to them."""
    root = Page.get_first_root_node()
    editors = _group(EDITORS_GROUP, root=root, page_codenames=EDITOR_PAGE_PERMISSIONS)
    moderators = _group(MODERATORS_GROUP, root=root, page_codenames=MODERATOR_PAGE_PERMISSIONS)

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([moderators])
    workflow, __ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0})
    for home in Page.objects.filter(depth=2):
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    WorkflowPage.objects.filter(page=root).delete()  # Wagtail's default workflow on the root is replaced
    return {"editors": editors, "moderators": moderators, "workflow": workflow}


def scheduled_pages_publish() -> None:
    """Publish pages whose go-live time has come and unpublish expired ones (Wagtail's own command)."""
    call_command("publish_scheduled", verbosity=0)
