package eu.aiskills.academy.catalogue.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Skills extends JpaRepository<SkillEntity, String> {

    List<SkillEntity> findAllByOrderByGroupAscLabelAsc();
}
