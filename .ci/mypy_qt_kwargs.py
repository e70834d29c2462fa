"""mypy plugin: let a PySide6 constructor take the Qt properties its base classes declare.

PySide6 sets any Qt property passed as a keyword to a constructor
(``QLabel(objectName="title", wordWrap=True)``), whichever class in the hierarchy declares
it.  The PySide6 stubs list only the class's *own* properties as keyword-only parameters
of its ``__init__``: ``wordWrap`` is accepted on ``QLabel`` but ``objectName`` (QObject) or
``enabled`` (QWidget) is not, and mypy then reports call-overload / call-arg and types the
new widget as ``Any``.

This plugin adds to a QObject subclass's constructor signature the keyword-only parameters
of its base classes' ``__init__`` stubs, with the types the stubs give them.  A misspelt
property or a wrong value type is still an error, and the widget keeps its class type.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import ARG_NAMED, ARG_NAMED_OPT, ARG_STAR2, FuncDef, OverloadedFuncDef, TypeInfo
from mypy.plugin import FunctionSigContext, Plugin
from mypy.types import CallableType, FunctionLike, Instance, Overloaded, Type, get_proper_type

QOBJECT = "PySide6.QtCore.QObject"


def _keyword_only(info: TypeInfo) -> list[tuple[str, Type]]:
    """The keyword-only parameters (the Qt properties) of ``info.__init__`` in the stubs."""
    node = info.names.get("__init__")
    init = node.node if node else None
    if isinstance(init, OverloadedFuncDef | FuncDef) and init.type is not None:
        signature = get_proper_type(init.type)
        items: list[CallableType] = []
        if isinstance(signature, CallableType):
            items = [signature]
        elif isinstance(signature, Overloaded):
            items = list(signature.items)
        return [
            (name, item.arg_types[i])
            for item in items
            for i, (name, kind) in enumerate(zip(item.arg_names, item.arg_kinds, strict=True))
            if name is not None and kind in (ARG_NAMED, ARG_NAMED_OPT)
        ]
    return []


def _with_inherited_properties(ctx: FunctionSigContext) -> FunctionLike:
    signature = ctx.default_signature
    instance = get_proper_type(signature.ret_type)
    if not (
        signature.is_type_obj()
        and isinstance(instance, Instance)
        and instance.type.has_base(QOBJECT)
    ):
        return signature
    names = list(signature.arg_names)
    kinds = list(signature.arg_kinds)
    types = list(signature.arg_types)
    at = kinds.index(ARG_STAR2) if ARG_STAR2 in kinds else len(kinds)
    for base in instance.type.mro[1:]:
        for name, type_ in _keyword_only(base):
            if name not in names:
                names.insert(at, name)
                kinds.insert(at, ARG_NAMED_OPT)
                types.insert(at, type_)
                at += 1
    return signature.copy_modified(arg_names=names, arg_kinds=kinds, arg_types=types)


class QtKeywordPropertiesPlugin(Plugin):
    def get_function_signature_hook(
        self, fullname: str
    ) -> Callable[[FunctionSigContext], FunctionLike] | None:
        # called for constructor calls with the class's full name
        return _with_inherited_properties if fullname.startswith("PySide6.") else None


def plugin(version: str) -> type[Plugin]:  # noqa: ARG001 - mypy's plugin entry point
    return QtKeywordPropertiesPlugin
