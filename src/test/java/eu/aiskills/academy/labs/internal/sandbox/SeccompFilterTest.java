package eu.aiskills.academy.labs.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

/** The filter's program as bubblewrap receives it: checked architecture first, every refused call, allow last. */
class SeccompFilterTest {

    @Test
    void eachArchitectureChecksItselfFirstAndRefusesEveryListedCall() {
        for (String arch : new String[] {"amd64", "aarch64"}) {
            ByteBuffer program = ByteBuffer.wrap(SeccompFilter.program(arch)).order(ByteOrder.nativeOrder());
            assertThat(program.remaining() % 8).isZero();
            int instructions = program.remaining() / 8;
            assertThat(instructions).as("one comparison per refused call, and the checks around them")
                    .isGreaterThan(SeccompFilter.REFUSED.size()).isLessThan(256);
            assertThat(program.getShort(0)).as("load the architecture").isEqualTo((short) 0x20);
            assertThat(program.getInt(4)).isEqualTo(4);
            assertThat(program.getInt(12)).as("the audit architecture").isEqualTo("amd64".equals(arch) ? 0xC000003E : 0xC00000B7);
            assertThat(program.getInt((instructions - 1) * 8 + 4)).as("a foreign architecture kills the process")
                    .isEqualTo(0x80000000);
        }
        assertThat(SeccompFilter.program("amd64")).isNotEqualTo(SeccompFilter.program("aarch64"));
    }

    @Test
    void anArchitectureWithoutNumbersIsRefusedWithAMessage() {
        assertThatThrownBy(() -> SeccompFilter.program("riscv64")).hasMessageContaining("riscv64").hasMessageContaining("x86-64");
    }
}
