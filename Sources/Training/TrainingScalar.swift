import COpenBLAS
import Foundation

/// The number type a training step runs in: Float for the runs, Double for the tests' finite
/// differences. Each supplies its BLAS routines, so one generic step serves both.
protocol TrainingScalar: BinaryFloatingPoint, Sendable {
    /// C = alpha·op(A)·op(B) + beta·C, row-major (cblas_?gemm).
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Self,
        a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
    /// y = alpha·op(A)·x + beta·y, row-major A of rows × columns (cblas_?gemv).
    static func gemv(
        transpose: Bool, rows: Int, columns: Int, alpha: Self, a: UnsafePointer<Self>,
        x: UnsafePointer<Self>, beta: Self, y: UnsafeMutablePointer<Self>)
    /// Σ xᵢ·yᵢ over `count` contiguous values (cblas_?dot).
    static func dot(count: Int, _ x: UnsafePointer<Self>, _ y: UnsafePointer<Self>) -> Self
    /// y += alpha·x over `count` contiguous values (cblas_?axpy).
    static func axpy(count: Int, alpha: Self, x: UnsafePointer<Self>, y: UnsafeMutablePointer<Self>)
    /// eˣ.
    static func exponential(_ x: Self) -> Self
}

@inline(__always)
private func blasTranspose(_ flag: Bool) -> CBLAS_TRANSPOSE {
    flag ? CblasTrans : CblasNoTrans
}

extension Float: TrainingScalar {
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, blasTranspose(transposeA), blasTranspose(transposeB), Int32(m), Int32(n), Int32(k),
            alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    static func gemv(
        transpose: Bool, rows: Int, columns: Int, alpha: Float, a: UnsafePointer<Float>,
        x: UnsafePointer<Float>, beta: Float, y: UnsafeMutablePointer<Float>
    ) {
        cblas_sgemv(
            CblasRowMajor, blasTranspose(transpose), Int32(rows), Int32(columns), alpha, a, Int32(columns),
            x, 1, beta, y, 1)
    }

    static func dot(count: Int, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) -> Float {
        cblas_sdot(Int32(count), x, 1, y, 1)
    }

    static func axpy(count: Int, alpha: Float, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        cblas_saxpy(Int32(count), alpha, x, 1, y, 1)
    }

    static func exponential(_ x: Float) -> Float { expf(x) }
}

extension Double: TrainingScalar {
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        cblas_dgemm(
            CblasRowMajor, blasTranspose(transposeA), blasTranspose(transposeB), Int32(m), Int32(n), Int32(k),
            alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    static func gemv(
        transpose: Bool, rows: Int, columns: Int, alpha: Double, a: UnsafePointer<Double>,
        x: UnsafePointer<Double>, beta: Double, y: UnsafeMutablePointer<Double>
    ) {
        cblas_dgemv(
            CblasRowMajor, blasTranspose(transpose), Int32(rows), Int32(columns), alpha, a, Int32(columns),
            x, 1, beta, y, 1)
    }

    static func dot(count: Int, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>) -> Double {
        cblas_ddot(Int32(count), x, 1, y, 1)
    }

    static func axpy(count: Int, alpha: Double, x: UnsafePointer<Double>, y: UnsafeMutablePointer<Double>) {
        cblas_daxpy(Int32(count), alpha, x, 1, y, 1)
    }

    static func exponential(_ x: Double) -> Double { exp(x) }
}
