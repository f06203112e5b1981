"""The portfolio manifest `portfolio.json` (shared/contract.md, Input)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from models.enums import Category, OrganizationType, Position


class Applicant(BaseModel):
    model_config = ConfigDict(extra="allow")

    full_name: str
    # The IIN is personal data: never logged (see pipeline.privacy.mask_iin); repr hides it.
    iin: str | None = Field(default=None, repr=False)


class Period(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="allow")

    from_: date = Field(alias="from")
    to: date

    def contains(self, day: date) -> bool:
        return self.from_ <= day <= self.to


class Manifest(BaseModel):
    model_config = ConfigDict(extra="allow")

    applicant: Applicant
    position: Position = Position.teacher
    organization_type: OrganizationType = OrganizationType.school
    claimed_category: Category | None = None
    period: Period | None = None
