"""Vietnamese administrative geography after the 1 July 2025 reform (34 provinces, no districts).

Codes: only the new Ninh Bình's province code (37, Decision 19/2025/QĐ-TTg) is recorded here;
the other provinces are listed by name without codes, and Ninh Bình's communes are a partial list
of names without codes (any other commune is accepted as typed). See README.
"""

from .provinces import NINH_BINH, PROVINCES, Province, communes_of, province_named

__all__ = ["NINH_BINH", "PROVINCES", "Province", "communes_of", "province_named"]
