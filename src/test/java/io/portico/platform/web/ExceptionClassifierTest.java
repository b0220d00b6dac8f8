package io.portico.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

import io.portico.platform.PorticoException;
import io.portico.platform.Problem;

class ExceptionClassifierTest {

    @Test
    void aUniqueConstraintRaceIsAConflictNotAServerError() {
        ApiError error = ExceptionClassifier.classify(new DuplicateKeyException("duplicate key value violates unique constraint"));
        assertThat(error).isNotNull();
        assertThat(error.status()).isEqualTo(409);
        assertThat(error.message()).doesNotContain("constraint");
    }

    @Test
    void otherConstraintViolationsAreConflictsWithoutDatabaseText() {
        ApiError error = ExceptionClassifier.classify(new DataIntegrityViolationException("insert violates foreign key fk_x"));
        assertThat(error.problem()).isEqualTo(Problem.CONFLICT);
        assertThat(error.message()).doesNotContain("fk_x");
    }

    @Test
    void serviceProblemsKeepTheirKindMessageAndField() {
        ApiError error = ExceptionClassifier.classify(PorticoException.invalid("VLAN", "VLAN must be 1..4094."));
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.fieldName()).contains("VLAN");
    }

    @Test
    void unknownFailuresAreLeftToTheIncidentPath() {
        assertThat(ExceptionClassifier.classify(new IllegalStateException("bug"))).isNull();
    }
}
