"""Public provenance pages: /truy-xuat/<code>/ and the GS1 Digital Link /01/<GTIN>/10/<batch>.
No sign-in; a fixed number of queries however many steps the batch has."""

from django.http import Http404
from django.urls import reverse
from django.views.generic import TemplateView

from marketplace.catalogue.selectors import is_on_sale

from .selectors import batch_for_page, batch_url, certificate_number, certificate_state, gtin14


class ProvenanceView(TemplateView):
    template_name = "traceability/provenance.html"

    def get_batch(self):
        batch = batch_for_page(self.kwargs["code"])
        if batch is None:
            raise Http404
        return batch

    def get_context_data(self, **kwargs):
        batch = self.get_batch()
        product, partner = batch.product, batch.partner
        certificates = [
            {
                "kind": c.get_kind_display(),
                "number": certificate_number(c),
                "issuer": c.issuer,
                "state": certificate_state(c),
            }
            for c in batch.certificates.all()
        ]
        images = list(product.images.all())
        return super().get_context_data(
            batch=batch,
            product=product,
            cooperative=partner,
            steps=list(batch.steps.all()),
            certificates=certificates,
            picture=images[0] if images else None,
            buy_url=product.get_absolute_url() if is_on_sale(product) and not batch.is_recalled else "",
            storefront_url=reverse("cooperatives:detail", kwargs={"slug": partner.code})
            if partner.is_approved
            else "",
            page_url=batch_url(batch),
            **kwargs,
        )


class Gs1View(ProvenanceView):
    """The same page at the product's GTIN and the batch code (what a GS1 QR on the pack carries)."""

    def get_batch(self):
        batch = super().get_batch()
        if gtin14(batch.product.upc) is None or gtin14(batch.product.upc) != gtin14(
            self.kwargs["gtin"].zfill(14)
        ):
            raise Http404
        return batch
