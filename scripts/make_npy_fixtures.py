#!/usr/bin/env python3
"""Writes the .npy fixtures of NPYReaderTests: every supported variant, written by numpy, plus
broken files, each with the fragment its error message must contain.

Run from the repository root: python3 scripts/make_npy_fixtures.py
Output: Tests/TensorFilesTests/Fixtures/npy/*.npy and manifest.json (expected values and errors).
"""
import io
import json
import pathlib
import struct

import numpy as np

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/TensorFilesTests/Fixtures/npy"

# Distinct, sign-mixed values (exact in float16) so a transposed or byte-swapped read cannot pass.
BASE = np.array(
    [[0.5, -1.25, 2.0, 3.75, -0.0625],
     [10.5, -7.0, 0.001, 65504.0, -3.0],
     [1.0, 2.0, -4.0, 8.0, 0.333]],
    dtype=np.float64,
)


def npy_bytes(array, version=None):
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, version=version, allow_pickle=False)
    return buffer.getvalue()


def raw_npy(header_text, data=b"", version=1, magic=b"\x93NUMPY"):
    """A hand-made .npy: magic, version, header length, header text (padded, newline), data."""
    header = header_text.encode("latin1")
    prefix_len = len(magic) + 2 + (2 if version == 1 else 4)
    pad = (-(prefix_len + len(header) + 1)) % 64
    header = header + b" " * pad + b"\n"
    length = struct.pack("<H" if version == 1 else "<I", len(header))
    return magic + bytes([version, 0]) + length + header + data


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.npy"):
        old.unlink()
    valid = {}
    errors = {}

    def keep(name, content, expected=None, error=None):
        (OUT / name).write_bytes(content)
        if expected is not None:
            values = expected.astype(np.float32)
            valid[name] = {"rows": int(values.shape[0]), "cols": int(values.shape[1]),
                           "values": [float(v) for v in values.ravel(order="C")]}
        if error is not None:
            errors[name] = error

    for kind in ("f2", "f4", "f8"):
        for order in ("<", ">"):
            for fortran in (False, True):
                dtype = np.dtype(order + kind)
                array = BASE.astype(dtype)
                array = np.asfortranarray(array) if fortran else np.ascontiguousarray(array)
                name = f"valid_{kind}_{'be' if order == '>' else 'le'}_{'F' if fortran else 'C'}.npy"
                keep(name, npy_bytes(array, version=(1, 0)), expected=array)

    f4 = BASE.astype("<f4")
    for version in ((2, 0), (3, 0)):
        keep(f"valid_f4_v{version[0]}.npy", npy_bytes(f4, version=version), expected=f4)
        fortran = np.asfortranarray(BASE.astype(">f8"))
        keep(f"valid_f8_be_F_v{version[0]}.npy", npy_bytes(fortran, version=version), expected=fortran)
    keep("valid_native_order.npy",
         raw_npy("{'descr': '=f4', 'fortran_order': False, 'shape': (3, 5), }", f4.tobytes()), expected=f4)
    keep("valid_python2_long_shape.npy",
         raw_npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3L, 5L), }", f4.tobytes()), expected=f4)
    column = np.arange(4, dtype="<f4").reshape(4, 1) - 1.5
    keep("valid_single_column.npy", npy_bytes(column), expected=column)
    tiny = np.array([[6.0e-8, -6.1e-5, np.float16(65504)]], dtype="<f2")
    keep("valid_f2_subnormal.npy", npy_bytes(tiny), expected=tiny)

    good = npy_bytes(f4)
    keep("bad_truncated_data.npy", good[:-7], error="truncated")
    keep("bad_truncated_header.npy", good[:40], error="truncated header")
    keep("bad_too_short.npy", good[:5], error="too short")
    keep("bad_empty_file.npy", b"", error="too short")
    keep("bad_magic.npy", b"\x93NUMPX" + good[6:], error="wrong magic")
    keep("bad_text_file.npy", b"q,k\n1,2\n3,4\n", error="wrong magic")
    keep("bad_version.npy", good[:6] + bytes([4, 0]) + good[8:], error="version 4.0")
    keep("bad_header_syntax.npy",
         raw_npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 5), ", f4.tobytes()),
         error="header offset")
    keep("bad_header_not_dict.npy", raw_npy("[1, 2, 3]", f4.tobytes()), error="not a dictionary")
    keep("bad_header_missing_key.npy", raw_npy("{'descr': '<f4', 'shape': (3, 5), }", f4.tobytes()),
         error="lacks")
    keep("bad_header_extra_key.npy",
         raw_npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 5), 'x': 1, }", f4.tobytes()),
         error="unexpected key 'x'")
    keep("bad_header_unterminated.npy", raw_npy("{'descr': '<f4", f4.tobytes()), error="unterminated string")
    keep("bad_header_nesting.npy", raw_npy("(" * 40000, f4.tobytes(), version=2), error="nesting too deep")
    keep("bad_dtype_int.npy", npy_bytes(np.arange(15, dtype="<i4").reshape(3, 5)), error="unsupported dtype '<i4'")
    keep("bad_dtype_complex.npy", npy_bytes(BASE.astype("<c8")), error="unsupported dtype '<c8'")
    keep("bad_dtype_longdouble.npy",
         raw_npy("{'descr': '<f16', 'fortran_order': False, 'shape': (3, 5), }", b"\0" * 240),
         error="unsupported dtype '<f16'")
    structured = np.zeros((3, 5), dtype=[("a", "<f4"), ("b", "<f4")])
    keep("bad_dtype_structured.npy", npy_bytes(structured), error="unsupported dtype [")
    keep("bad_shape_1d.npy", npy_bytes(np.arange(5, dtype="<f4")), error="shape (5,) is not 2-D")
    keep("bad_shape_3d.npy", npy_bytes(np.zeros((2, 3, 4), dtype="<f4")), error="shape (2, 3, 4) is not 2-D")
    keep("bad_shape_scalar.npy", npy_bytes(np.float32(1.0)), error="shape () is not 2-D")
    keep("bad_shape_empty.npy", npy_bytes(np.zeros((0, 4), dtype="<f4")), error="shape (0, 4) is empty")
    keep("bad_shape_negative.npy", raw_npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-3, 5), }"),
         error="bad dimension")
    keep("bad_too_large.npy",
         raw_npy("{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }"),
         error="too large")
    keep("bad_shape_overflow.npy",
         raw_npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4611686018427387904, 4), }"),
         error="too large")
    with_nan = f4.copy()
    with_nan[1, 3] = np.nan
    keep("bad_nan.npy", npy_bytes(with_nan), error="nan at row 1, column 3")
    with_inf = np.asfortranarray(BASE.astype("<f8"))
    with_inf[2, 1] = -np.inf
    keep("bad_inf_fortran.npy", npy_bytes(with_inf), error="-inf at row 2, column 1")
    huge = BASE.astype("<f8")
    huge[0, 4] = 1e300
    keep("bad_f8_overflows_float32.npy", npy_bytes(huge), error="too large for float32")

    # A Q/K pair whose d_k differ: each file is fine, together they are not.
    keep("pair_q_dk5.npy", npy_bytes(f4), expected=f4)
    keep("pair_k_dk4.npy", npy_bytes(f4[:, :4].copy()), expected=f4[:, :4])

    manifest = {"valid": valid, "errors": errors}
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    print(f"wrote {len(valid)} valid and {len(errors)} broken files to {OUT}")


if __name__ == "__main__":
    main()
