"""The registry of challenge mechanics, keyed by the ``mechanic`` name in content files.

Each mechanic module defines one ``Mechanic`` subclass; this table lists them explicitly
(no import-time side effects, no plugin magic), so a newcomer can see them all here.
"""

from __future__ import annotations

from zones.challenges.assemble import AssembleMechanic
from zones.challenges.base import Mechanic
from zones.challenges.design import DesignMechanic
from zones.challenges.dialogue import DialogueMechanic
from zones.challenges.enterprise import EnterpriseMechanic
from zones.challenges.investigate import InvestigateMechanic
from zones.challenges.organise import OrganiseMechanic

MECHANICS: dict[str, type[Mechanic]] = {
    DesignMechanic.family: DesignMechanic,
    DialogueMechanic.family: DialogueMechanic,
    AssembleMechanic.family: AssembleMechanic,
    EnterpriseMechanic.family: EnterpriseMechanic,
    InvestigateMechanic.family: InvestigateMechanic,
    OrganiseMechanic.family: OrganiseMechanic,
}
