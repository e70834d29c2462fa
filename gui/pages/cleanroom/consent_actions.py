"""Consent and preparation requests at the receiving station (R-DON-11, R-DON-12, R-RCV-01):
a consent version signed with the entering person's password, its withdrawal (which holds and
lists the donor's open units and samples), and the request that must accompany a collection
before it is received. Each is one FormDialog around one core service call; the rules are the
core's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from gui.context import AppContext
from gui.dialogs.form import Field, FormDialog, Values, open_form
from models.chain.consent_records import ConsentInput
from models.chain.consent_scope import ConsentScope, SignerKind
from models.chain.consent_withdrawal import HeldItem
from models.chain.prep_requests import RequestInput

SIGNERS = tuple(k.value for k in SignerKind)
SCOPES = tuple(s.value for s in ConsentScope)


class ConsentActions(QObject):
    def __init__(self, ctx: AppContext, say: Callable[[str, bool | None], None], window: QWidget):
        super().__init__(window)
        self.ctx, self._say, self.window = ctx, say, window

    def record_consent(self) -> FormDialog:
        consents, user = self.ctx.core.chain.consents, self.ctx.username

        def record(v: Values) -> int:
            data = ConsentInput(
                donor_code=v["donor"],
                form_version=v["form"],
                signed_on=v["signed"],
                signer_kind=SignerKind(v["signer"]),
                signer_name=v["name"],
                scopes=[ConsentScope(s) for s in v["scope"]],
                protocol=v["protocol"] or None,
            )
            return consents.record(actor=user, password=v["password"], data=data)

        return self._form(
            self.tr("Record informed consent"),
            self.tr(
                "Enter the consent form as signed. A new version replaces the donor's current "
                "one and ends any hold for re-consent. Your password is your electronic "
                "signature (meaning: performed)."
            ),
            [
                Field("donor", self.tr("Donor")),
                Field("form", self.tr("Consent form version")),
                Field("signed", self.tr("Signed on"), "datetime"),
                Field(
                    "signer", self.tr("Signed by"), "choice", SIGNERS, vocabulary="consent_signer"
                ),
                Field("name", self.tr("Name of the signer")),
                Field(
                    "scope",
                    self.tr("What the consent covers"),
                    "multi",
                    SCOPES,
                    vocabulary="consent_scope",
                ),
                Field("protocol", self.tr("Protocol")),
                Field("password", self.tr("Your password"), "password"),
            ],
            self.tr("Sign consent"),
            record,
            lambda _r: self.tr("Consent recorded."),
        )

    def withdraw_consent(self) -> FormDialog:
        consents, user = self.ctx.core.chain.consents, self.ctx.username
        return self._form(
            self.tr("Withdraw consent"),
            self.tr(
                "Every unit and retained sample of the donor not yet administered is put on "
                "hold and listed with where it is. Your password is your signature."
            ),
            [
                Field("donor", self.tr("Donor")),
                Field("reason", self.tr("Reason"), "multiline"),
                Field("password", self.tr("Your password"), "password"),
            ],
            self.tr("Withdraw consent"),
            lambda v: consents.withdraw(
                actor=user, password=v["password"], donor_code=v["donor"], reason=v["reason"]
            ),
            self._withdrawn,
        )

    def _withdrawn(self, items: Any) -> str:
        held: list[HeldItem] = list(items)
        listing = "; ".join(f"{i.code} ({i.location})" for i in held)
        return self.tr("Consent withdrawn; %n item(s) on hold: {0}", "", len(held)).format(listing)

    def add_request(self) -> FormDialog:
        requests, user = self.ctx.core.chain.requests, self.ctx.username

        def add(v: Values) -> int:
            data = RequestInput(
                code=v["code"],
                collection_code=v["collection"],
                donor_basics=v["basics"],
                clinical_information=v["clinical"],
                screening_reference=v["screening"],
                treatment_plan=v["plan"],
                car_t=v["car_t"],
                patient_initials=v["initials"] or None,
                enrolment_no=v["enrolment"] or None,
            )
            return requests.add(actor=user, data=data)

        return self._form(
            self.tr("Enter a preparation request"),
            self.tr(
                "The cell-preparation request that came with the collection; the collection "
                "cannot be received without it. The CAR-T form also names the patient's "
                "initials and enrolment number."
            ),
            [
                Field("code", self.tr("Request number")),
                Field("collection", self.tr("Collection")),
                Field("basics", self.tr("Donor basics"), "multiline"),
                Field("clinical", self.tr("Clinical information"), "multiline"),
                Field("screening", self.tr("Screening results (reference)")),
                Field("plan", self.tr("Treatment plan"), "multiline"),
                Field("car_t", self.tr("CAR-T form"), "check"),
                Field("initials", self.tr("Patient initials")),
                Field("enrolment", self.tr("Enrolment number")),
            ],
            self.tr("Record request"),
            add,
            lambda _r: self.tr("Preparation request recorded."),
        )

    def _form(
        self,
        title: str,
        summary: str,
        fields: list[Field],
        submit: str,
        action: Callable[[Values], Any],
        done: Callable[[Any], str],
    ) -> FormDialog:
        dialog = open_form(
            self.window,
            title=title,
            summary=summary,
            fields=fields,
            submit=submit,
            action=action,
            on_success=lambda: None,
            name="consentDialog",
        )
        dialog.succeeded.connect(lambda result: self._done(done(result)))
        return dialog

    def _done(self, text: str) -> None:
        self._say(text, True)
        self.ctx.events.records_changed.emit("consent")
